package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.RuleBuilder.rule;

import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.RuleBuilder;

class FormulaAndPriceTest extends EngineTestSupport {

    private static Policy with(RuleBuilder rule) {
        return PolicyBuilder.policy("p").rule(rule).build();
    }

    @Test
    void fixedAmountIsGrantedAndTheElderPaysTheRest() {
        Quote q = quote(with(rule("r").fixed(900)), lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(900);
        assertThat(q.copayFen()).isEqualTo(300);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 900));
        assertThat(q.appliedRules()).singleElement().satisfies(r -> {
            assertThat(r.ruleId()).isEqualTo("r");
            assertThat(r.grossFen()).isEqualTo(900);
            assertThat(r.subsidyFen()).isEqualTo(900);
            assertThat(r.droppedFen()).isZero();
        });
        assertThat(q.refusal()).isEmpty();
        assertThat(q.ruleLabel()).isEqualTo("r");
    }

    @Test
    void fixedAmountNeverExceedsThePrice() {
        Quote q = quote(with(rule("r").fixed(1500)), lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(1200);
        assertThat(q.copayFen()).isZero();
        assertThat(q.appliedRules().get(0).grossFen()).isEqualTo(1500);
    }

    @Test
    void copayLeavesTheElderAFixedAmount() {
        Quote q = quote(with(rule("r").copay(100)), lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(1100);
        assertThat(q.copayFen()).isEqualTo(100);
    }

    @Test
    void copayAboveThePriceGrantsNothing() {
        Quote q = quote(with(rule("r").copay(100)), lunch("2024-05-06", 80));

        assertThat(q.subsidyFen()).isZero();
        assertThat(q.copayFen()).isEqualTo(80);
        assertThat(q.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ELIGIBLE);
            assertThat(r.detail()).contains("rule r gives 0 at eligible price 80 fen");
        });
    }

    @Test
    void percentRoundsDownAndStopsAtItsCap() {
        Policy policy = with(rule("r").percent(2500).cap(300));

        assertThat(quote(policy, lunch("2024-05-06", 1000)).subsidyFen()).isEqualTo(250);
        assertThat(quote(policy, lunch("2024-05-06", 1003)).subsidyFen()).as("250.75 rounds down").isEqualTo(250);
        assertThat(quote(policy, lunch("2024-05-06", 1600)).subsidyFen()).as("400 capped").isEqualTo(300);
        Quote capped = quote(policy, lunch("2024-05-06", 1600));
        assertThat(capped.appliedRules().get(0).grossFen()).isEqualTo(400);
    }

    @Test
    void percentOfAFewFenRoundsToNothing() {
        Quote q = quote(with(rule("r").percent(2500)), lunch("2024-05-06", 3));

        assertThat(q.subsidyFen()).isZero();
        assertThat(q.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
    }

    @Test
    void minimumPriceIsInclusiveAndComparedWithTheEligiblePrice() {
        Policy beijingStyle = with(rule("r").minPrice(501).fixed(500));

        Quote exactlyFive = quote(beijingStyle, lunch("2024-05-06", 500));
        assertThat(exactlyFive.subsidyFen()).isZero();
        assertThat(exactlyFive.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ELIGIBLE);
            assertThat(r.detail()).isEqualTo("nearest rule r: eligible price 500 fen below minimum 501 fen");
        });
        assertThat(quote(beijingStyle, lunch("2024-05-06", 501)).subsidyFen()).isEqualTo(500);
        assertThat(quote(beijingStyle, lunch("2024-05-06", 400).extra(500)).subsidyFen())
                .as("milk does not lift a ¥4 meal over the threshold").isZero();
    }

    @Test
    void onlyEligibleItemsAreSubsidisedButTheElderPaysForEverything() {
        Quote q = quote(with(rule("r").percent(5000)), lunch("2024-05-06", 1000).extra(300));

        assertThat(q.priceFen()).isEqualTo(1300);
        assertThat(q.eligiblePriceFen()).isEqualTo(1000);
        assertThat(q.subsidyFen()).isEqualTo(500);
        assertThat(q.copayFen()).isEqualTo(800);
    }

    @Test
    void aFullCopayWaiverCoversOnlyTheEligiblePart() {
        Quote q = quote(with(rule("r").copay(0)), lunch("2024-05-06", 1000).extra(300));

        assertThat(q.subsidyFen()).isEqualTo(1000);
        assertThat(q.copayFen()).isEqualTo(300);
    }
}
