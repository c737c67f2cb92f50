package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.ProviderRuleBuilder.provider;
import static org.yishi.core.policy.RuleBuilder.rule;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.ProviderRole;

class ProviderSubsidyTest extends EngineTestSupport {

    private final Policy policy = PolicyBuilder.policy("p")
            .rule(rule("meal").anyCategory("minimum_living").fixed(500))
            .provider(provider("op-meal").operator().amount(200).paidBy("district").requiresMealSubsidy())
            .provider(provider("op-daily").operator().amount(300).perDay(1))
            .provider(provider("delivery").delivery().minAge(80).amount(200).paidBy("welfare_lottery"))
            .build();

    @Test
    void aSubsidisedMealEarnsTheOperatorItsGrantsWithoutTouchingTheBill() {
        Quote q = quote(policy, elder("E").categories("minimum_living").build(), lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(500);
        assertThat(q.copayFen()).isEqualTo(700);
        assertThat(q.providerGrants()).containsExactly(
                new ProviderGrant("op-meal", ProviderRole.OPERATOR, "district", 200),
                new ProviderGrant("op-daily", ProviderRole.OPERATOR, "city", 300));
    }

    @Test
    void aGrantThatNeedsAMealSubsidyIsNotPaidWithoutOne() {
        Quote q = quote(policy, elder("E").build(), lunch("2024-05-06", 1200));

        assertThat(q.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
        assertThat(q.providerGrants()).extracting(ProviderGrant::ruleId).containsExactly("op-daily");
    }

    @Test
    void perDayLimitCountsEarlierGrantsOfThatRuleOnly() {
        PriorPurchase grantedToday = priorWithProvider("2024-05-06T08:00", "breakfast", 0, Set.of(), "op-daily");
        PriorPurchase grantedYesterday = priorWithProvider("2024-05-05T11:00", "lunch", 0, Set.of(), "op-daily");
        PriorPurchase otherRuleToday = priorWithProvider("2024-05-06T08:00", "breakfast", 0, Set.of(), "op-meal");

        assertThat(quote(policy, lunch("2024-05-06", 1200), grantedToday).providerGrants()).isEmpty();
        assertThat(quote(policy, lunch("2024-05-06", 1200), grantedYesterday).providerGrants())
                .extracting(ProviderGrant::ruleId).containsExactly("op-daily");
        assertThat(quote(policy, lunch("2024-05-06", 1200), otherRuleToday).providerGrants())
                .extracting(ProviderGrant::ruleId).containsExactly("op-daily");
    }

    @Test
    void deliveryGrantFollowsTheChannelAndItsOwnEligibility() {
        var eightyFive = elder("E").agedOn(85, QuoteFixtures.MONDAY).build();
        var seventy = elder("E").agedOn(70, QuoteFixtures.MONDAY).build();

        assertThat(quote(policy, eightyFive, lunch("2024-05-06", 1200).delivery()).providerGrants())
                .contains(new ProviderGrant("delivery", ProviderRole.DELIVERY, "welfare_lottery", 200));
        assertThat(quote(policy, eightyFive, lunch("2024-05-06", 1200)).providerGrants())
                .extracting(ProviderGrant::ruleId).doesNotContain("delivery");
        assertThat(quote(policy, seventy, lunch("2024-05-06", 1200).delivery()).providerGrants())
                .extracting(ProviderGrant::ruleId).doesNotContain("delivery");
    }

    @Test
    void aPurchaseRefusedAtScreeningEarnsNoProviderGrant() {
        Card lost = new Card("04A1B2C3", "E1", CardStatus.LOST, Instant.parse("2024-05-01T00:00:00Z"));
        var deceased = elder("E1").categories("minimum_living").status(ElderState.DECEASED, "2024-05-01").build();

        assertThat(quote(policy, lunch("2024-05-06", 1200).card(lost)).providerGrants()).isEmpty();
        assertThat(quote(policy, deceased, lunch("2024-05-06", 1200)).providerGrants()).isEmpty();
        assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T14:00").lunch().meal(1200)).providerGrants()).isEmpty();
        assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T11:00").lunch().extra(500)).providerGrants()).isEmpty();
    }

    @Test
    void aMealStoppedByItsLimitEarnsNoGrantThatNeedsAMealSubsidy() {
        Policy beijingLike = PolicyBuilder.policy("p")
                .rule(rule("meal").fixed(500))
                .limit(limit("once-a-day", LimitWindow.DAY).meals(1))
                .provider(provider("op").operator().amount(300).requiresMealSubsidy().perDay(1))
                .build();
        Quote lunch = quote(beijingLike, lunch("2024-05-06", 1200));
        PriorPurchase stored = QuoteFixtures.asPrior(lunch("2024-05-06", 1200).build(), lunch);

        Quote dinner = quote(beijingLike, dinner("2024-05-06", 1200), stored);

        assertThat(lunch.providerGrants()).extracting(ProviderGrant::ruleId).containsExactly("op");
        assertThat(dinner.refusal()).map(Refusal::reason).hasValue(RefusalReason.LIMIT_REACHED);
        assertThat(dinner.providerGrants()).isEmpty();
    }

    @Test
    void aZeroAmountGrantIsNotRecorded() {
        Policy zero = PolicyBuilder.policy("p").rule(rule("meal").fixed(500)).provider(provider("nothing").amount(0)).build();

        assertThat(quote(zero, lunch("2024-05-06", 1200)).providerGrants()).isEmpty();
    }
}
