package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yishi.config.PolicyTestSupport;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.subsidy.MealWindows;
import org.yishi.core.subsidy.Quote;
import org.yishi.core.time.ServingWindow;

/**
 * {@code src/test/resources/policies/canteen-hours.yaml}: breakfast and dinner without a policy window, lunch 11:00-13:00.
 * Canteen K1 serves breakfast 07:00-09:00, lunch 10:30-13:30, dinner 17:00-19:00; K2 gives no hours. ¥2 off a ¥10
 * meal. From the words — the policy's window wins where it names one; otherwise the canteen's; otherwise no window:
 *
 * <table>
 * <tr><th>canteen</th><th>time</th><th>slot</th><th>expected</th><th>why</th></tr>
 * <tr><td>K1</td><td>07:00</td><td>breakfast</td><td>¥2</td><td>canteen hours, start inclusive</td></tr>
 * <tr><td>K1</td><td>09:00</td><td>breakfast</td><td>OUTSIDE_MEAL_WINDOW</td><td>end exclusive</td></tr>
 * <tr><td>K1</td><td>10:45</td><td>lunch</td><td>OUTSIDE_MEAL_WINDOW</td><td>the policy's 11:00-13:00 wins over the canteen's 10:30</td></tr>
 * <tr><td>K1</td><td>12:59</td><td>lunch</td><td>¥2</td><td>policy window</td></tr>
 * <tr><td>K1</td><td>18:00</td><td>dinner</td><td>¥2</td><td>canteen hours</td></tr>
 * <tr><td>K2</td><td>18:00</td><td>dinner</td><td>OUTSIDE_MEAL_WINDOW</td><td>no window applies at all</td></tr>
 * <tr><td>K2</td><td>12:00</td><td>lunch</td><td>¥2</td><td>the policy's window needs no canteen hours</td></tr>
 * </table>
 */
class CanteenHoursPolicyTest {

    private static final Canteen K1 = new Canteen("K1", "一号饭堂", "440106", "440106003", "", Map.of(
            "breakfast", new ServingWindow(LocalTime.of(7, 0), LocalTime.of(9, 0)),
            "lunch", new ServingWindow(LocalTime.of(10, 30), LocalTime.of(13, 30)),
            "dinner", new ServingWindow(LocalTime.of(17, 0), LocalTime.of(19, 0))));
    private static final Canteen K2 = new Canteen("K2", "二号饭堂", "440106", "440106003", "");
    private static final Map<String, Canteen> CANTEENS = Map.of("K1", K1, "K2", K2);
    private static final Elder ELDER = PolicyTestSupport.elder("E1", "440106", "440106003", "", "");

    @Test
    void aPolicyWithoutServingHoursLoads() {
        PolicyTestSupport run = new PolicyTestSupport("canteen-hours.yaml");
        assertThat(run.policy().mealSlots()).extracting(s -> s.window().isPresent()).containsExactly(false, true, false);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "K1, 07:00, breakfast, 200, ''",
        "K1, 09:00, breakfast,   0, '09:00 is outside breakfast 07:00-09:00 (canteen K1''s hours)'",
        "K1, 10:45, lunch,       0, '10:45 is outside lunch 11:00-13:00'",
        "K1, 12:59, lunch,     200, ''",
        "K1, 18:00, dinner,    200, ''",
        "K2, 18:00, dinner,      0, 'policy test-canteen-hours names no window for dinner and canteen K2 gives no dinner hours'",
        "K2, 12:00, lunch,     200, ''"})
    void theTableInTheJavadoc(String canteen, String time, String slot, long subsidy, String refusal) {
        Quote q = new PolicyTestSupport("canteen-hours.yaml").quote(ELDER, CANTEENS.get(canteen), "2026-03-02T" + time, slot, 1000);
        assertThat(q.subsidyFen()).isEqualTo(subsidy);
        assertThat(q.refusal().map(r -> r.reason().name() + ": " + r.detail()).orElse(""))
                .isEqualTo(refusal.isEmpty() ? "" : "OUTSIDE_MEAL_WINDOW: " + refusal);
    }

    /** What a till selling at the canteen derives from its clock (CheckoutCounter.currentSlot). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"K1, 07:00, breakfast", "K1, 08:59, breakfast", "K1, 09:00, ''", "K1, 10:45, ''", "K1, 11:00, lunch",
        "K1, 13:00, ''", "K1, 17:00, dinner", "K2, 08:00, ''", "K2, 12:00, lunch", "K2, 18:00, ''", "K1, 00:00, ''"})
    void theSlotATillDerivesFromItsClock(String canteen, String time, String slot) {
        PolicyTestSupport run = new PolicyTestSupport("canteen-hours.yaml");
        assertThat(MealWindows.slotAt(run.policy(), CANTEENS.get(canteen), LocalTime.parse(time)).map(MealSlot::code).orElse(""))
                .isEqualTo(slot);
    }
}
