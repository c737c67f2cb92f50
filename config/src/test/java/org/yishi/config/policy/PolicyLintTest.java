package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.YamlSource;
import org.yishi.core.policy.Policy;

/**
 * The {@code policy check} lint (issue 11 item 6). {@code policies/lint-warnings.yaml} loads without problems and
 * draws exactly one warning per rule or limit written to draw one:
 *
 * <table>
 *   <caption>expected warnings, in file order</caption>
 *   <tr><th>line</th><th>field</th><th>why</th></tr>
 *   <tr><td>32</td><td>rules[2].eligibility.categories</td><td>all: [minimum_living] and none: [minimum_living]</td></tr>
 *   <tr><td>40</td><td>rules[3].eligibility.categories</td><td>all of disabled:1-2 and disabled:3-4: one certificate, one grade</td></tr>
 *   <tr><td>47</td><td>rules[4].eligibility.weekdays</td><td>in force Sat 2024-05-04 to Sun 2024-05-05, weekdays mon-fri</td></tr>
 *   <tr><td>52</td><td>rules[5].eligibility.registered_in</td><td>440118001 is a town code: no 6-digit district starts with it</td></tr>
 *   <tr><td>57</td><td>rules[6].eligibility.eats_in</td><td>registered in 4403, home district only, canteens only in 4401</td></tr>
 *   <tr><td>64</td><td>rules[7].formula.copay</td><td>a copay in a later stacking group is taken of the full price</td></tr>
 *   <tr><td>74</td><td>limits[1].rules</td><td>lists age_80_89 but not age_90_plus of the same group (age)</td></tr>
 * </table>
 * Rules {@code age_80_89} and {@code age_90_plus} and the limit {@code one_per_meal} draw none.
 */
class PolicyLintTest {

    private static final String FILE = "lint-warnings.yaml";

    private final PolicyLint lint = new PolicyLint();

    private static String resource(String name) throws IOException {
        try (InputStream in = PolicyLintTest.class.getResourceAsStream("/policies/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<Problem> warnings(String fileName, String yaml) {
        Policy policy = new PolicyLoader().parse(fileName, yaml);
        return lint.check(fileName, YamlSource.compose(yaml, new Problems(fileName)), policy);
    }

    @Test
    void eachSuspiciousRuleAndLimitDrawsOneWarningWithItsLine() throws IOException {
        List<Problem> w = warnings(FILE, resource(FILE));

        assertThat(w).extracting(Problem::line).containsExactly(32, 40, 47, 52, 57, 64, 74);
        assertThat(w).extracting(Problem::fieldPath).containsExactly("rules[2].eligibility.categories",
                "rules[3].eligibility.categories", "rules[4].eligibility.weekdays", "rules[5].eligibility.registered_in",
                "rules[6].eligibility.eats_in", "rules[7].formula.copay", "limits[1].rules");
        assertThat(w).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
        assertThat(w.get(0).message()).startsWith("rule contradiction can never apply: no elder can meet its categories");
        assertThat(w.get(1).message()).startsWith("rule two_grades can never apply");
        assertThat(w.get(2).message()).contains("in force 2024-05-04 to 2024-05-05").contains("none of those days");
        assertThat(w.get(3).message()).contains("\"440118001\" is longer than a district code");
        assertThat(w.get(4).message()).contains("home district").contains("[4403]").contains("[4401]");
        assertThat(w.get(5).message()).contains("copay is worked out from the full price");
        assertThat(w.get(6).message()).isEqualTo("limit over_80_month lists rules of group age but not age_90_plus:"
                + " meals under age_90_plus are not counted or limited by it; add age_90_plus to rules:, or leave rules:"
                + " out to cover every rule");
        assertThat(w.get(6)).hasToString("lint-warnings.yaml:74:12: limits[1].rules: " + w.get(6).message());
    }

    @Test
    void aCompleteLimitAndSatisfiableConditionsDrawNothing() throws IOException {
        String fixed = resource(FILE).replace("rules: [age_80_89]", "rules: [age_80_89, age_90_plus]");
        assertThat(warnings(FILE, fixed)).extracting(Problem::fieldPath).doesNotContain("limits[1].rules");
        assertThat(warnings("c.yaml", resource("category-combinations.yaml"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-city-2022", "guangzhou-zengcheng-2020", "shenzhen-2025", "beijing-2022"})
    void theShippedPoliciesDrawNoWarnings(String name) {
        Path file = Path.of("..", "policies", name + ".yaml");
        assertThat(lint.check(file, new PolicyLoader().load(file))).isEmpty();
    }

    @Test
    void withoutTheFileTheWarningsStillNameTheirField() throws IOException {
        List<Problem> w = lint.check(FILE, Optional.empty(), new PolicyLoader().parse(FILE, resource(FILE)));
        assertThat(w).hasSize(7).allSatisfy(p -> assertThat(p.line()).isZero());
    }
}
