package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.RuleBuilder.rule;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;

/**
 * Pins the age of elders born on 29 February ({@code docs/engine.md}, "Time"). {@link Elder#ageOn} counts completed
 * years with {@code java.time.Period}, so in a year without 29 February the birthday is <b>1 March</b>: on 28 February
 * he is still a year younger.
 *
 * <table>
 *   <caption>born 29 Feb: age on the days around the birthday</caption>
 *   <tr><th>born</th><th>year</th><th>28 Feb</th><th>29 Feb</th><th>1 Mar</th></tr>
 *   <tr><td>1944-02-29</td><td>2024 (leap)</td><td>79</td><td>80</td><td>80</td></tr>
 *   <tr><td>1944-02-29</td><td>2025</td><td>80</td><td>—</td><td>81</td></tr>
 *   <tr><td>1956-02-29</td><td>2026</td><td>69</td><td>—</td><td>70</td></tr>
 *   <tr><td>1936-02-29</td><td>2026</td><td>89</td><td>—</td><td>90</td></tr>
 *   <tr><td>2020-02-29</td><td>2100 (not leap)</td><td>79</td><td>—</td><td>80</td></tr>
 * </table>
 * An 80th (or 60th, 100th) birthday of someone born on 29 February falls in a leap year, except across a century
 * year that is not one (2100); 70th and 90th birthdays fall in common years, on 1 March.
 */
class LeapDayBirthdayTest extends EngineTestSupport {

    private static Elder bornOn(String day) {
        return ElderBuilder.elder("E").born(day).build();
    }

    private static int ageOn(Elder e, String day) {
        return e.ageOn(LocalDate.parse(day));
    }

    @Test
    void inALeapYearTheBirthdayIs29February() {
        Elder e = bornOn("1944-02-29");
        assertThat(ageOn(e, "2024-02-28")).isEqualTo(79);
        assertThat(ageOn(e, "2024-02-29")).isEqualTo(80);
        assertThat(ageOn(e, "2024-03-01")).isEqualTo(80);
    }

    @Test
    void inACommonYearTheBirthdayIs1MarchNot28February() {
        Elder e = bornOn("1944-02-29");
        assertThat(ageOn(e, "2025-02-28")).isEqualTo(80);
        assertThat(ageOn(e, "2025-03-01")).isEqualTo(81);
        assertThat(ageOn(bornOn("1956-02-29"), "2026-02-28")).isEqualTo(69);
        assertThat(ageOn(bornOn("1956-02-29"), "2026-03-01")).isEqualTo(70);
        assertThat(ageOn(bornOn("1936-02-29"), "2026-02-28")).isEqualTo(89);
        assertThat(ageOn(bornOn("1936-02-29"), "2026-03-01")).isEqualTo(90);
    }

    @Test
    void an80thBirthdayInACommonYearOnlyHappensAcross2100() {
        Elder e = bornOn("2020-02-29");
        assertThat(ageOn(e, "2100-02-28")).isEqualTo(79);
        assertThat(ageOn(e, "2100-03-01")).isEqualTo(80);
    }

    @Test
    void theEngineGrantsThe70PlusTierFrom1March() {
        Policy seventyPlus = PolicyBuilder.policy("p").rule(rule("r70").minAge(70).fixed(500)).build();
        Elder e = bornOn("1956-02-29");

        Quote feb28 = quote(seventyPlus, e, lunch("2026-02-28", 1000));
        assertThat(feb28.subsidyFen()).isZero();
        assertThat(feb28.refusal().orElseThrow().detail()).isEqualTo("nearest rule r70: age 69 not in 70..");
        assertThat(quote(seventyPlus, e, lunch("2026-03-01", 1000)).subsidyFen()).isEqualTo(500);
    }
}
