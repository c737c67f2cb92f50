package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.yishi.core.policy.RuleBuilder.restPart;
import static org.yishi.core.policy.RuleBuilder.rule;

import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.RuleBuilder;

/**
 * Pins what a later stacking group's formula is taken of (issue 11 item 7, {@code docs/engine.md} "Groups" and
 * {@code docs/policy-format.md} "Best-of and stacking"): <b>the full eligible price</b>; the price the earlier groups
 * left is only a ceiling on what the later group may add. The two readings differ for {@code percent} and
 * {@code copay}, never for {@code fixed}.
 *
 * <p>Worked out from the rules' words, eligible price 1000 fen, earlier group {@code base} first:
 * <table>
 *   <caption>later group's formula → what it adds (fen)</caption>
 *   <tr><th>base</th><th>top_up</th><th>top_up gross</th><th>left after base</th><th>top_up adds</th><th>subsidy</th><th>elder pays</th></tr>
 *   <tr><td>fixed 600</td><td>percent 10%</td><td>10% × 1000 = 100</td><td>400</td><td>100</td><td>700</td><td>300</td></tr>
 *   <tr><td>copay 100 (→ 900)</td><td>percent 20%</td><td>20% × 1000 = 200</td><td>100</td><td>100 (ceiling)</td><td>1000</td><td>0</td></tr>
 *   <tr><td>fixed 600</td><td>copay 300</td><td>1000 − 300 = 700</td><td>400</td><td>400 (ceiling)</td><td>1000</td><td>0</td></tr>
 *   <tr><td>fixed 600</td><td>fixed 300</td><td>300</td><td>400</td><td>300</td><td>900</td><td>100</td></tr>
 * </table>
 * Had the later group been taken of the price left, the first row would add 10% × 400 = 40 and the third
 * 400 − 300 = 100 (the elder paying 300): the tests below fail for that reading.
 */
class LaterGroupPriceTest extends EngineTestSupport {

    private static Policy stacked(RuleBuilder base, RuleBuilder topUp) {
        return PolicyBuilder.policy("p").rule(base).rule(topUp.group("top_up").funding(restPart("district"))).build();
    }

    @Test
    void aLaterPercentageIsTakenOfTheFullEligiblePrice() {
        Quote q = quote(stacked(rule("base").fixed(600), rule("top").percent(1000)), lunch("2024-05-06", 1000));

        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::grossFen, AppliedRule::subsidyFen)
                .containsExactly(tuple("base", 600L, 600L), tuple("top", 100L, 100L));
        assertThat(q.subsidyFen()).isEqualTo(700);
        assertThat(q.copayFen()).isEqualTo(300);
    }

    @Test
    void whatTheEarlierGroupsLeftIsOnlyACeiling() {
        Quote q = quote(stacked(rule("base").copay(100), rule("top").percent(2000)), lunch("2024-05-06", 1000));

        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::grossFen, AppliedRule::subsidyFen)
                .containsExactly(tuple("base", 900L, 900L), tuple("top", 200L, 100L));
        assertThat(q.copayFen()).isZero();
    }

    @Test
    void aLaterCopayIsAlsoTakenOfTheFullPriceSoTheElderMayPayLessThanIt() {
        Quote q = quote(stacked(rule("base").fixed(600), rule("top").copay(300)), lunch("2024-05-06", 1000));

        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::grossFen, AppliedRule::subsidyFen)
                .containsExactly(tuple("base", 600L, 600L), tuple("top", 700L, 400L));
        assertThat(q.copayFen()).isZero();
    }

    @Test
    void aLaterFixedAmountIsTheSameUnderEitherReading() {
        Quote q = quote(stacked(rule("base").fixed(600), rule("top").fixed(300)), lunch("2024-05-06", 1000));

        assertThat(q.subsidyFen()).isEqualTo(900);
        assertThat(q.copayFen()).isEqualTo(100);
    }
}
