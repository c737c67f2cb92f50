package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.yishi.core.policy.RuleBuilder.fixedPart;
import static org.yishi.core.policy.RuleBuilder.restPart;
import static org.yishi.core.policy.RuleBuilder.rule;

import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;

class StackingTest extends EngineTestSupport {

    @Test
    void withinAGroupTheLargestSubsidyWins() {
        Policy policy = PolicyBuilder.policy("p").rule(rule("small").fixed(500)).rule(rule("large").fixed(700)).build();

        Quote q = quote(policy, lunch("2024-05-06", 1200));

        assertThat(q.ruleLabel()).isEqualTo("large");
        assertThat(q.subsidyFen()).isEqualTo(700);
        assertThat(q.appliedRules()).hasSize(1);
    }

    @Test
    void onATieTheRuleListedFirstWins() {
        Policy policy = PolicyBuilder.policy("p").rule(rule("first").fixed(500)).rule(rule("second").percent(5000)).build();

        assertThat(quote(policy, lunch("2024-05-06", 1000)).ruleLabel()).isEqualTo("first");
    }

    @Test
    void bestOfComparesWhatTheElderFinallyGetsAfterDroppedParts() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("bigger-on-paper").fixed(900).funding(fixedPart("city", 300), restPart("town", Locality.HOME_TOWN)))
                .rule(rule("city-only").fixed(700).funding(restPart("city")))
                .build();

        Quote away = quote(policy, lunch("2024-05-06", 1200).canteen(QuoteFixtures.XINTANG_CANTEEN));
        Quote home = quote(policy, lunch("2024-05-06", 1200).canteen(QuoteFixtures.LICHENG_CANTEEN));

        assertThat(away.ruleLabel()).isEqualTo("city-only");
        assertThat(away.subsidyFen()).isEqualTo(700);
        assertThat(home.ruleLabel()).isEqualTo("bigger-on-paper");
        assertThat(home.subsidyFen()).isEqualTo(900);
    }

    @Test
    void groupsStackInPolicyOrder() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("gz").group("city").percent(2500).cap(300))
                .rule(rule("zc").group("district").fixed(600).funding(restPart("district")))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(900);
        assertThat(q.copayFen()).isEqualTo(300);
        assertThat(q.ruleLabel()).isEqualTo("gz+zc");
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 600));
    }

    @Test
    void stackedSubsidyNeverExceedsTheEligiblePrice() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("a").group("g1").fixed(800))
                .rule(rule("b").group("g2").fixed(800).funding(restPart("district")))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1200).extra(300));

        assertThat(q.subsidyFen()).isEqualTo(1200);
        assertThat(q.copayFen()).isEqualTo(300);
        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::grossFen, AppliedRule::subsidyFen)
                .containsExactly(tuple("a", 800L, 800L), tuple("b", 800L, 400L));
    }

    @Test
    void aGroupAfterTheWholePriceIsCoveredAddsNothing() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("a").group("g1").copay(0))
                .rule(rule("b").group("g2").fixed(300))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1000));

        assertThat(q.ruleLabel()).isEqualTo("a");
        assertThat(q.subsidyFen()).isEqualTo(1000);
    }

    @Test
    void groupOrderIsFixedByThePolicyNotByWhichRulesTheElderMeets() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("a-centenarian").group("g1").minAge(100).fixed(1000))
                .rule(rule("b").group("g2").fixed(800).funding(restPart("district")))
                .rule(rule("a-everyone").group("g1").fixed(600))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1000));

        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::subsidyFen)
                .containsExactly(tuple("a-everyone", 600L), tuple("b", 400L));
    }

    @Test
    void aGroupWhoseBestRuleGrantsNothingIsLeftOut() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("expensive-only").group("g1").copay(2000))
                .rule(rule("flat").group("g2").fixed(300))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1000));

        assertThat(q.appliedRules()).extracting(AppliedRule::ruleId).containsExactly("flat");
        assertThat(q.subsidyFen()).isEqualTo(300);
    }
}
