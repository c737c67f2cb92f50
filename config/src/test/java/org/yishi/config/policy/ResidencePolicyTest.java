package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yishi.config.PolicyTestSupport;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.Quote;

/**
 * {@code src/test/resources/policies/resident-subsidy.yaml}: a ¥15 lunch. From the rule's words — lives in Futian
 * (440304): copay ¥5, at most ¥8 = city ¥4 + district ¥2 (only in his registered district) + street the rest ¥2 (only in
 * the town he lives in); registered and living in Shenzhen (4403) and eating in the district he lives in: ¥1 more.
 *
 * <table>
 * <tr><th>elder</th><th>registered (户籍)</th><th>lives (常住)</th><th>canteen</th><th>expected</th></tr>
 * <tr><td>A</td><td>440304 town 001</td><td>(same)</td><td>Futian 001</td><td>4+2+2 = 8, +1 top-up = 9; pays 6</td></tr>
 * <tr><td>A</td><td>440304 town 001</td><td>(same)</td><td>Futian 002</td><td>4+2, street dropped = 6, +1 = 7; pays 8</td></tr>
 * <tr><td>B</td><td>440118 (Guangzhou)</td><td>440304 town 001</td><td>Futian 001</td><td>4, district dropped, street 2 = 6; no top-up (not registered in 4403); pays 9</td></tr>
 * <tr><td>C</td><td>440304 town 001</td><td>440303 (Luohu)</td><td>Futian 001</td><td>NOT_ELIGIBLE: lives outside Futian, and eats outside the district he lives in (the nearest rule is the top-up:
 it meets 2 of its 3 conditions)</td></tr>
 * <tr><td>C</td><td>440304 town 001</td><td>440303 town 001</td><td>Luohu 001</td><td>top-up only: 1; pays 14</td></tr>
 * <tr><td>D</td><td>440303 town 001</td><td>440304 town 002</td><td>Futian 002</td><td>4, district dropped, street 2 = 6, +1 = 7; pays 8</td></tr>
 * <tr><td>D</td><td>440303 town 001</td><td>440304 town 002</td><td>Luohu 001</td><td>4+2 (his registered district), street dropped = 6; no top-up (not where he lives); pays 9</td></tr>
 * </table>
 */
class ResidencePolicyTest {

    private static final Map<String, Canteen> CANTEENS = Map.of(
            "FT1", new Canteen("FT1", "福田一街", "440304", "440304001", ""),
            "FT2", new Canteen("FT2", "福田二街", "440304", "440304002", ""),
            "LH1", new Canteen("LH1", "罗湖一街", "440303", "440303001", ""));
    private static final Map<String, Elder> ELDERS = Map.of(
            "A", PolicyTestSupport.elder("A", "440304", "440304001", "", ""),
            "B", PolicyTestSupport.elder("B", "440118", "440118001", "440304", "440304001"),
            "C", PolicyTestSupport.elder("C", "440304", "440304001", "440303", "440303001"),
            "D", PolicyTestSupport.elder("D", "440303", "440303001", "440304", "440304002"));

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        // elder, canteen, rules, subsidy, city, district, street, dropped, refusal
        "A, FT1, resident_base+registered_top_up, 900, 500, 200, 200, 0, ''",
        "A, FT2, resident_base+registered_top_up, 700, 500, 200,   0, 200, ''",
        "B, FT1, resident_base,                   600, 400,   0, 200, 200, ''",
        "C, FT1, '',                                0,   0,   0,   0, 0, 'nearest rule registered_top_up: canteen FT1 is outside the elder''s resident district'",
        "C, LH1, registered_top_up,               100, 100,   0,   0, 0, ''",
        "D, FT2, resident_base+registered_top_up, 700, 500,   0, 200, 200, ''",
        "D, LH1, resident_base,                   600, 400, 200,   0, 200, ''"})
    void theTableInTheJavadoc(String elder, String canteen, String rules, long subsidy, long city, long district, long street,
            long dropped, String refusal) {
        Quote q = new PolicyTestSupport("resident-subsidy.yaml").quote(ELDERS.get(elder), CANTEENS.get(canteen), "2026-03-02T12:00",
                "lunch", 1500);
        assertThat(PolicyTestSupport.rules(q)).isEqualTo(rules);
        assertThat(q.subsidyFen()).isEqualTo(subsidy);
        assertThat(q.copayFen()).isEqualTo(1500 - subsidy);
        assertThat(share(q, "city")).isEqualTo(city);
        assertThat(share(q, "district")).isEqualTo(district);
        assertThat(share(q, "street")).isEqualTo(street);
        assertThat(q.appliedRules().stream().mapToLong(r -> r.droppedFen()).sum()).isEqualTo(dropped);
        assertThat(q.refusal().map(r -> r.detail()).orElse("")).isEqualTo(refusal);
    }

    private static long share(Quote q, String funder) {
        return q.funderShares().stream().filter(s -> s.funder().equals(funder)).mapToLong(FunderShare::fen).sum();
    }
}
