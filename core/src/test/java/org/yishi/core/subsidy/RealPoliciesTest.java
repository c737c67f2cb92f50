package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyFixtures;
import org.yishi.core.policy.ProviderRole;

/** The policies of shared/domain.md, end to end. */
class RealPoliciesTest extends EngineTestSupport {

    @Nested
    class GuangzhouCity2022 {
        private final Policy policy = PolicyFixtures.guangzhouCity2022();
        private final Elder sixtyFive = elder("E").agedOn(65, QuoteFixtures.MONDAY).build();

        private Quote at(String time, String slot, long fen, PriorPurchase... history) {
            return quote(policy, sixtyFive, PurchaseBuilder.at(time).slot(slot).meal(fen).canteen(QuoteFixtures.TIANHE_CANTEEN), history);
        }

        @Test
        void aQuarterOfThePriceUpToThreeYuanAnywhereInTheCity() {
            assertThat(at("2024-05-06T11:30", "lunch", 1000).subsidyFen()).isEqualTo(250);
            assertThat(at("2024-05-06T11:30", "lunch", 1600).subsidyFen()).isEqualTo(300);
            assertThat(at("2024-05-06T11:30", "lunch", 1600).funderShares()).containsExactly(new FunderShare("city", 300));
        }

        @Test
        void oneSubsidyPerLunchAndPerDinner() {
            PriorPurchase lunch = prior("2024-05-06T11:00", "lunch", 250, "gz-quarter");

            assertThat(at("2024-05-06T12:00", "lunch", 1000, lunch).refusal()).map(Refusal::reason).hasValue(RefusalReason.LIMIT_REACHED);
            assertThat(at("2024-05-06T17:30", "dinner", 1000, lunch).subsidyFen()).isEqualTo(250);
            assertThat(at("2024-05-06T07:30", "breakfast", 1000).refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
        }

        @Test
        void onlyRegisteredResidentsOfSixtyAndOver() {
            Elder shenzhen = elder("E").agedOn(65, QuoteFixtures.MONDAY).registered(PolicyFixtures.SHENZHEN_FUTIAN, "440304001").build();
            Elder fiftyNine = elder("E").agedOn(59, QuoteFixtures.MONDAY).build();

            assertThat(quote(policy, shenzhen, lunch("2024-05-06", 1000)).subsidised()).isFalse();
            assertThat(quote(policy, fiftyNine, lunch("2024-05-06", 1000)).subsidised()).isFalse();
        }
    }

    @Nested
    class Shenzhen2025 {
        private final Policy policy = PolicyFixtures.shenzhen2025();
        private final LocalDate monday = LocalDate.of(2025, 5, 5);

        private Elder shenzhenElder(int age, String... categories) {
            return elder("E").agedOn(age, monday).registered(PolicyFixtures.SHENZHEN_FUTIAN, "440304001").categories(categories).build();
        }

        private PurchaseBuilder lunchAt(String day, long fen) {
            return PurchaseBuilder.at(day + "T12:00").lunch().meal(fen).canteen(QuoteFixtures.FUTIAN_CANTEEN);
        }

        @Test
        void priorityElderGetsUpToFifteenYuanButNeverMoreThanHeSpends() {
            Elder lowIncome = shenzhenElder(72, "minimum_living");

            Quote cheap = quote(policy, lowIncome, lunchAt("2025-05-05", 1200));
            assertThat(cheap.ruleLabel()).isEqualTo("sz-priority");
            assertThat(cheap.subsidyFen()).isEqualTo(1200);
            assertThat(cheap.copayFen()).isZero();
            assertThat(quote(policy, lowIncome, lunchAt("2025-05-05", 1800)).copayFen()).isEqualTo(300);
        }

        @Test
        void otherRegisteredSeventyToNinetyNineGetFiveYuan() {
            Quote q = quote(policy, shenzhenElder(75), lunchAt("2025-05-05", 1800));

            assertThat(q.ruleLabel()).isEqualTo("sz-70");
            assertThat(q.subsidyFen()).isEqualTo(500);
            assertThat(q.providerGrants()).containsExactly(new ProviderGrant("sz-operator", ProviderRole.OPERATOR, "city", 200));
        }

        @Test
        void weekdayLunchOnly() {
            Quote saturday = quote(policy, shenzhenElder(75), lunchAt("2025-05-10", 1800));
            Quote dinner = quote(policy, shenzhenElder(75), PurchaseBuilder.at("2025-05-05T17:30").dinner().meal(1800)
                    .canteen(QuoteFixtures.FUTIAN_CANTEEN));

            assertThat(saturday.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
            assertThat(saturday.providerGrants()).isEmpty();
            assertThat(dinner.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
        }

        @Test
        void centenarianDeliveryPaysTheDeliveryOrganisationToo() {
            Quote q = quote(policy, shenzhenElder(101), lunchAt("2025-05-05", 1600).delivery());

            assertThat(q.ruleLabel()).isEqualTo("sz-centenarian");
            assertThat(q.subsidyFen()).isEqualTo(1500);
            assertThat(q.providerGrants()).containsExactly(
                    new ProviderGrant("sz-delivery", ProviderRole.DELIVERY, "city", 200),
                    new ProviderGrant("sz-operator", ProviderRole.OPERATOR, "city", 200));
        }
    }

    @Nested
    class Beijing2022 {
        private final Policy policy = PolicyFixtures.beijing2022();
        private final Elder recipient = elder("E").registered(PolicyFixtures.BEIJING_DONGCHENG, "110101001").categories("meal_recipient").build();

        @Test
        void fiveYuanADayOnlyForMealsOverFiveYuan() {
            assertThat(quote(policy, recipient, lunch("2024-05-06", 500).canteen(QuoteFixtures.DONGCHENG_CANTEEN)).subsidised()).isFalse();
            Quote q = quote(policy, recipient, lunch("2024-05-06", 501).canteen(QuoteFixtures.DONGCHENG_CANTEEN));
            assertThat(q.subsidyFen()).isEqualTo(500);
            assertThat(q.copayFen()).isEqualTo(1);
            assertThat(q.providerGrants()).containsExactly(new ProviderGrant("bj-operator", ProviderRole.OPERATOR, "city", 300));
            assertThat(q.mealsLeftToday()).hasValue(0);
        }

        @Test
        void lunchOrDinnerNotBoth() {
            PurchaseBuilder lunch = lunch("2024-05-06", 1500).canteen(QuoteFixtures.DONGCHENG_CANTEEN);
            PriorPurchase stored = QuoteFixtures.asPrior(lunch.build(), quote(policy, recipient, lunch));

            Quote dinner = quote(policy, recipient, dinner("2024-05-06", 1500).canteen(QuoteFixtures.DONGCHENG_CANTEEN), stored);

            assertThat(dinner.refusal()).map(Refusal::reason).hasValue(RefusalReason.LIMIT_REACHED);
            assertThat(dinner.providerGrants()).isEmpty();
        }
    }

    @Nested
    class GuangzhouAndZengchengStacked {
        private final Policy policy = PolicyFixtures.guangzhouZengchengStacked();
        private final Elder disabledEightyFive = elder("E").agedOn(85, QuoteFixtures.MONDAY).categories("disabled:1")
                .registered(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG).build();

        @Test
        void cityDistrictAndTopUpStackAtHome() {
            Quote q = quote(policy, disabledEightyFive, lunch("2024-05-06", 1500));

            assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::subsidyFen)
                    .containsExactly(tuple("gz-quarter", 300L), tuple("zc-80", 600L), tuple("zc-disabled-topup", 200L));
            assertThat(q.subsidyFen()).isEqualTo(1100);
            assertThat(q.copayFen()).isEqualTo(400);
            assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 300),
                    new FunderShare("town", 300), new FunderShare("welfare_lottery", 200));
            assertThat(q.providerGrants()).extracting(ProviderGrant::ruleId).containsExactly("op-meal");
            assertThat(q.mealsLeftToday()).hasValue(0);
        }

        @Test
        void inAnotherTownTheTownPartOfTheDistrictTierIsLost() {
            Quote q = quote(policy, disabledEightyFive, lunch("2024-05-06", 1500).canteen(QuoteFixtures.XINTANG_CANTEEN));

            assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::subsidyFen, AppliedRule::droppedFen)
                    .containsExactly(tuple("gz-quarter", 300L, 0L), tuple("zc-80", 300L, 300L), tuple("zc-disabled-topup", 200L, 0L));
            assertThat(q.subsidyFen()).isEqualTo(800);
        }
    }
}
