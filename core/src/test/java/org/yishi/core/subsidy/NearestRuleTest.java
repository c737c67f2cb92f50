package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.RuleBuilder.rule;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryMatcher;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.RuleBuilder;

/**
 * Which rule a NOT_ELIGIBLE detail names (issue 11 item 5, {@code docs/engine.md} "Why not eligible"): the rule with
 * the most conditions met, {@code none:} exclusions that held not counted; then the fewest failed; then the one
 * listed first. Every failed condition of that rule is named.
 *
 * <table>
 *   <caption>elder 65 (on 2024-05-06), Monday lunch; rules in listed order</caption>
 *   <tr><th>case</th><th>rules: met/failed</th><th>named</th></tr>
 *   <tr><td>disabled:3</td><td>over-80 0/1, severe 1/1 (age 60.. met, grade failed)</td><td>severe</td></tr>
 *   <tr><td>no categories, Saturday</td><td>a 0/2, b 1/2, c 1/1</td><td>c</td></tr>
 *   <tr><td>two rules each 1/1</td><td>first 1/1, second 1/1</td><td>first</td></tr>
 *   <tr><td>lost_only_child</td><td>with-exclusions 1/1 (+2 none held), plain 1/1</td><td>with-exclusions (tie, listed first)</td></tr>
 *   <tr><td>lost_only_child</td><td>plain 1/1, with-exclusions 1/1 (+2 none held)</td><td>plain — exclusions held add nothing</td></tr>
 *   <tr><td>all: [a, b, c], has a, b</td><td>all-three 3/1 (age + a + b), one-category 1/1</td><td>all-three</td></tr>
 * </table>
 */
class NearestRuleTest extends EngineTestSupport {

    private static final String MONDAY = "2024-05-06";

    private static Policy rules(RuleBuilder... rules) {
        PolicyBuilder p = PolicyBuilder.policy("p");
        for (RuleBuilder r : rules) {
            p.rule(r);
        }
        return p.build();
    }

    private static Elder aged65(String... categories) {
        return elder("E").born("1959-01-01").categories(categories).build();
    }

    private String detail(Policy policy, Elder elder, PurchaseBuilder purchase) {
        Quote q = quote(policy, elder, purchase);
        assertThat(q.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
        return q.refusal().orElseThrow().detail();
    }

    @Test
    void theRuleWithMostConditionsMetIsNamedNotTheFirstListed() {
        Policy p = rules(rule("over-80").minAge(80).fixed(900), rule("severe").minAge(60).anyCategory("disabled:1-2").fixed(800));

        assertThat(detail(p, aged65("disabled:3"), lunch(MONDAY, 1200)))
                .isEqualTo("nearest rule severe: needs a category of [disabled:1-2] (has disabled:3)");
    }

    @Test
    void onEqualMetTheFewestFailedWinsAndEveryFailureIsNamed() {
        Policy p = rules(
                rule("a").minAge(80).anyCategory("minimum_living").fixed(500),
                rule("b").minAge(60).weekdays(DayOfWeek.MONDAY).anyCategory("low_income").fixed(500),
                rule("c").minAge(60).anyCategory("low_income").fixed(500));

        assertThat(detail(p, aged65(), lunch("2024-05-11", 1000)))
                .isEqualTo("nearest rule c: needs a category of [low_income]");
        assertThat(detail(rules(rule("b").minAge(60).weekdays(DayOfWeek.MONDAY).anyCategory("low_income").fixed(500)),
                aged65(), lunch("2024-05-11", 1000)))
                .isEqualTo("nearest rule b: needs a category of [low_income]; SATURDAY not in [MONDAY]");
    }

    @Test
    void onAFullTieTheRuleListedFirstIsNamed() {
        Policy p = rules(rule("first").minAge(60).anyCategory("minimum_living").fixed(500),
                rule("second").minAge(60).anyCategory("low_income").fixed(500));

        assertThat(detail(p, aged65(), lunch(MONDAY, 1000))).startsWith("nearest rule first:");
    }

    @Test
    void exclusionsThatHoldDoNotMakeARuleCloser() {
        RuleBuilder withExclusions = rule("with-exclusions").minAge(60).anyCategory("meal_recipient")
                .noCategory("extreme_poverty").fixed(500);
        RuleBuilder plain = rule("plain").minAge(60).anyCategory("military_welfare").fixed(500);
        Elder e = aged65("lost_only_child");

        assertThat(detail(rules(plain, withExclusions), e, lunch(MONDAY, 1000))).startsWith("nearest rule plain:");
        assertThat(detail(rules(withExclusions, plain), e, lunch(MONDAY, 1000))).startsWith("nearest rule with-exclusions:");
    }

    @Test
    void anExclusionThatFailsIsNamed() {
        Policy p = rules(rule("r").minAge(60).anyCategory("minimum_living").noCategory("extreme_poverty", "disabled:1").fixed(500));

        assertThat(detail(p, aged65("minimum_living", "extreme_poverty", "lost_only_child"), lunch(MONDAY, 1000)))
                .isEqualTo("nearest rule r: excluded by a category of [disabled:1, extreme_poverty] (has extreme_poverty)");
    }

    @Test
    void eachEntryOfAllCountsAsOneCondition() {
        Policy p = rules(rule("one-category").minAge(60).anyCategory("minimum_living").fixed(500),
                rule("all-three").minAge(60).allCategory("lost_only_child", "military_welfare", "disabled:1-2").fixed(500));

        assertThat(detail(p, aged65("lost_only_child", "military_welfare", "disabled:4"), lunch(MONDAY, 1000)))
                .isEqualTo("nearest rule all-three: needs category disabled:1-2 (has disabled:4)");
    }

    @Test
    void aNestedConditionIsNamedAsWritten() {
        CategoryCondition poor = new CategoryCondition.AnyOf(java.util.List.of(CategoryMatcher.parse("minimum_living"),
                CategoryMatcher.parse("near_minimum_living")));
        Policy p = rules(rule("poor-and-severe").minAge(60).allCategory(poor, CategoryMatcher.parse("disabled:1-2")).fixed(800));

        assertThat(detail(p, aged65("disabled:1", "low_income"), lunch(MONDAY, 1000)))
                .isEqualTo("nearest rule poor-and-severe: needs a category of [minimum_living, near_minimum_living]");
        assertThat(quote(p, aged65("near_minimum_living", "disabled:2"), lunch(MONDAY, 1000)).subsidyFen()).isEqualTo(800);
    }
}
