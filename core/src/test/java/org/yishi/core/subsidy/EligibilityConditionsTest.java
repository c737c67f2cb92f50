package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.RuleBuilder.rule;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.PolicyFixtures;
import org.yishi.core.policy.RuleBuilder;

class EligibilityConditionsTest extends EngineTestSupport {

    private static Policy with(RuleBuilder... rules) {
        PolicyBuilder p = PolicyBuilder.policy("p");
        for (RuleBuilder r : rules) {
            p.rule(r);
        }
        return p.build();
    }

    private static Elder withCategories(String... tags) {
        return elder("E").categories(tags).build();
    }

    private String refusalDetail(Quote q) {
        assertThat(q.refusal()).map(Refusal::reason).hasValue(RefusalReason.NOT_ELIGIBLE);
        return q.refusal().orElseThrow().detail();
    }

    @Test
    void ageBandsUseCompletedYearsOnThePurchaseDay() {
        Policy tiers = with(rule("over-80").minAge(80).fixed(900), rule("60-79").ages(60, 79).fixed(700));
        Elder turns80OnMonday = elder("E").born("1944-05-06").build();

        assertThat(quote(tiers, turns80OnMonday, lunch("2024-05-05", 1200)).ruleLabel()).isEqualTo("60-79");
        assertThat(quote(tiers, turns80OnMonday, lunch("2024-05-05", 1200)).subsidyFen()).isEqualTo(700);
        assertThat(quote(tiers, turns80OnMonday, lunch("2024-05-06", 1200)).ruleLabel()).isEqualTo("over-80");
        assertThat(quote(tiers, turns80OnMonday, lunch("2024-05-06", 1200)).subsidyFen()).isEqualTo(900);
    }

    @Test
    void belowTheLowestBandIsNotEligibleAndTheDetailSaysWhy() {
        Policy sixtyPlus = with(rule("r").minAge(60).fixed(500));
        Elder turns60OnMonday = elder("E").born("1964-05-06").build();

        assertThat(quote(sixtyPlus, turns60OnMonday, lunch("2024-05-06", 1000)).subsidyFen()).isEqualTo(500);
        Quote dayBefore = quote(sixtyPlus, turns60OnMonday, lunch("2024-05-05", 1000));
        assertThat(refusalDetail(dayBefore)).isEqualTo("nearest rule r: age 59 not in 60..");
    }

    @Test
    void anyCategoryMatchesGradesInclusively() {
        Policy severe = with(rule("r").anyCategory("disabled:1-2").fixed(500));

        assertThat(quote(severe, withCategories("disabled:1"), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(severe, withCategories("disabled:2"), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(severe, withCategories("disabled:3"), lunch("2024-05-06", 1000)).subsidised()).isFalse();
        assertThat(quote(severe, withCategories("disabled"), lunch("2024-05-06", 1000)).subsidised())
                .as("an ungraded tag does not meet a graded condition").isFalse();
        assertThat(refusalDetail(quote(severe, withCategories("low_income"), lunch("2024-05-06", 1000))))
                .contains("needs a category of [disabled:1-2]");
    }

    @Test
    void anyCategoryWithoutGradeAcceptsEveryGrade() {
        Policy anyDisabled = with(rule("r").anyCategory("minimum_living", "disabled").fixed(500));

        assertThat(quote(anyDisabled, withCategories("disabled:4"), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(anyDisabled, withCategories("low_income", "minimum_living"), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(anyDisabled, withCategories(), lunch("2024-05-06", 1000)).subsidised()).isFalse();
    }

    @Test
    void noCategoryExcludesOnlyMatchingTags() {
        Policy others = with(rule("r").noCategory("minimum_living", "disabled:1").fixed(500));

        assertThat(quote(others, withCategories(), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(others, withCategories("disabled:2"), lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(refusalDetail(quote(others, withCategories("minimum_living"), lunch("2024-05-06", 1000))))
                .contains("excluded by a category of [disabled:1, minimum_living]");
        assertThat(quote(others, withCategories("disabled:1"), lunch("2024-05-06", 1000)).subsidised()).isFalse();
    }

    @Test
    void registeredInMatchesDistrictCodePrefixes() {
        Policy guangzhouOrShenzhen = with(rule("r").registeredIn(PolicyFixtures.SHENZHEN, PolicyFixtures.GUANGZHOU).fixed(500));
        Policy zengchengOnly = with(rule("r").registeredIn(PolicyFixtures.ZENGCHENG).fixed(500));
        Elder zengcheng = elder("E").registered(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_XINTANG).build();
        Elder tianhe = elder("E").registered(PolicyFixtures.TIANHE, PolicyFixtures.TIANHE_SHIPAI).build();
        Elder beijing = elder("E").registered(PolicyFixtures.BEIJING_DONGCHENG, "110101001").build();

        assertThat(quote(guangzhouOrShenzhen, zengcheng, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(guangzhouOrShenzhen, tianhe, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(guangzhouOrShenzhen, beijing, lunch("2024-05-06", 1000)).subsidised()).isFalse();
        assertThat(quote(zengchengOnly, zengcheng, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(refusalDetail(quote(zengchengOnly, tianhe, lunch("2024-05-06", 1000))))
                .contains("registered in 440106, needs [440118]");
    }

    @Test
    void ruleLocalityComparesTheCanteenWithTheElderRegistration() {
        Policy homeDistrict = with(rule("r").locality(Locality.HOME_DISTRICT).fixed(500));
        Policy homeTown = with(rule("r").locality(Locality.HOME_TOWN).fixed(500));
        Elder licheng = elder("E").registered(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG).build();

        assertThat(quote(homeDistrict, licheng, lunch("2024-05-06", 1000).canteen(QuoteFixtures.XINTANG_CANTEEN)).subsidised()).isTrue();
        assertThat(quote(homeDistrict, licheng, lunch("2024-05-06", 1000).canteen(QuoteFixtures.TIANHE_CANTEEN)).subsidised()).isFalse();
        assertThat(quote(homeTown, licheng, lunch("2024-05-06", 1000).canteen(QuoteFixtures.LICHENG_CANTEEN)).subsidised()).isTrue();
        assertThat(refusalDetail(quote(homeTown, licheng, lunch("2024-05-06", 1000).canteen(QuoteFixtures.XINTANG_CANTEEN))))
                .contains("canteen C-440118-02 is outside the elder's home town");
    }

    @Test
    void channelConditionSeparatesDeliveryFromDineIn() {
        Policy deliveryOnly = with(rule("r").channels(Channel.DELIVERY).fixed(500));

        assertThat(quote(deliveryOnly, lunch("2024-05-06", 1000).delivery()).subsidised()).isTrue();
        assertThat(refusalDetail(quote(deliveryOnly, lunch("2024-05-06", 1000))))
                .contains("channel dine_in not in [delivery]");
    }

    @Test
    void mealSlotCondition() {
        Policy lunchOnly = with(rule("r").slots("lunch").fixed(500));

        assertThat(quote(lunchOnly, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(refusalDetail(quote(lunchOnly, dinner("2024-05-06", 1000)))).contains("meal slot dinner not in [lunch]");
    }

    @Test
    void weekdayCondition() {
        Policy workdays = with(rule("r").workdays().fixed(500));

        assertThat(quote(workdays, lunch("2024-05-10", 1000)).subsidised()).as("Friday").isTrue();
        assertThat(refusalDetail(quote(workdays, lunch("2024-05-11", 1000))))
                .contains("SATURDAY not in [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]");
        assertThat(quote(workdays, lunch("2024-05-12", 1000)).subsidised()).as("Sunday").isFalse();
    }

    @Test
    void ruleEffectiveDatesAreInclusive() {
        Policy fromTuesday = with(rule("r").effective("2024-05-07", null).fixed(500));
        Policy untilMonday = with(rule("r").effective(null, "2024-05-06").fixed(500));

        assertThat(refusalDetail(quote(fromTuesday, lunch("2024-05-06", 1000)))).contains("rule in force 2024-05-07.., not on 2024-05-06");
        assertThat(quote(fromTuesday, lunch("2024-05-07", 1000)).subsidised()).isTrue();
        assertThat(quote(untilMonday, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(quote(untilMonday, lunch("2024-05-07", 1000)).subsidised()).isFalse();
    }

    @Test
    void aRuleNotYetInForceLeavesTheOldTierInCharge() {
        Policy raise = with(rule("old").effective(null, "2024-05-31").fixed(500),
                rule("new").effective("2024-06-01", null).fixed(700));

        assertThat(quote(raise, lunch("2024-05-31", 1000)).ruleLabel()).isEqualTo("old");
        assertThat(quote(raise, lunch("2024-06-01", 1000)).ruleLabel()).isEqualTo("new");
    }

    @Test
    void notEligibleNamesTheNearestRuleAndAllItsFailedConditions() {
        Policy policy = with(
                rule("far").minAge(90).anyCategory("minimum_living").slots("dinner").fixed(900),
                rule("near").minAge(80).slots("lunch").fixed(500),
                rule("also-near").minAge(85).fixed(500));

        Quote q = quote(policy, elder("E").agedOn(75, QuoteFixtures.MONDAY).build(), lunch("2024-05-06", 1000));

        assertThat(refusalDetail(q)).isEqualTo("nearest rule near: age 75 not in 80..");
    }

    @Test
    void aPolicyWithoutMealRulesIsNotEligible() {
        Quote q = quote(PolicyBuilder.policy("empty").build(), lunch("2024-05-06", 1000));

        assertThat(refusalDetail(q)).isEqualTo("policy empty has no meal rules");
    }
}
