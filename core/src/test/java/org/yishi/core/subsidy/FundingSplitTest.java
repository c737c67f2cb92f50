package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.RuleBuilder.fixedPart;
import static org.yishi.core.policy.RuleBuilder.percentPart;
import static org.yishi.core.policy.RuleBuilder.restPart;
import static org.yishi.core.policy.RuleBuilder.rule;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;
import org.yishi.core.policy.PolicyFixtures;
import org.yishi.core.policy.RuleBuilder;

class FundingSplitTest extends EngineTestSupport {

    private static final Policy ZENGCHENG = PolicyFixtures.zengcheng2020();

    private static Elder eighty(String district, String town) {
        return elder("E80").agedOn(80, QuoteFixtures.MONDAY).registered(district, town).build();
    }

    private static Policy with(RuleBuilder rule) {
        return PolicyBuilder.policy("p").rule(rule).build();
    }

    @Test
    void zengchengElderFromAnotherTownOfTheDistrictLosesOnlyTheTownPart() {
        Elder fromXintang = eighty(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_XINTANG);

        Quote q = quote(ZENGCHENG, fromXintang, lunch("2024-05-06", 1200).canteen(QuoteFixtures.LICHENG_CANTEEN));

        assertThat(q.subsidyFen()).isEqualTo(600);
        assertThat(q.copayFen()).isEqualTo(600);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 300));
        AppliedRule applied = q.appliedRules().get(0);
        assertThat(applied.ruleId()).isEqualTo("zc-80");
        assertThat(applied.grossFen()).isEqualTo(900);
        assertThat(applied.subsidyFen()).isEqualTo(600);
        assertThat(applied.droppedFen()).as("the town's 300 is lost, not paid by others").isEqualTo(300);
    }

    @Test
    void zengchengElderAtHomeGetsAllThreeParts() {
        Elder fromLicheng = eighty(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG);

        Quote q = quote(ZENGCHENG, fromLicheng, lunch("2024-05-06", 1200).canteen(QuoteFixtures.LICHENG_CANTEEN));

        assertThat(q.subsidyFen()).isEqualTo(900);
        assertThat(q.copayFen()).isEqualTo(300);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 300),
                new FunderShare("town", 300));
        assertThat(q.appliedRules().get(0).droppedFen()).isZero();
    }

    @Test
    void zengchengElderOutsideHisDistrictKeepsOnlyTheCityPart() {
        Elder fromLicheng = eighty(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG);

        Quote q = quote(ZENGCHENG, fromLicheng, lunch("2024-05-06", 1200).canteen(QuoteFixtures.TIANHE_CANTEEN));

        assertThat(q.subsidyFen()).isEqualTo(300);
        assertThat(q.copayFen()).isEqualTo(900);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300));
        assertThat(q.appliedRules().get(0).droppedFen()).isEqualTo(600);
    }

    @Test
    void zengchengPriorityElderAtHomePaysOneYuanAndTheTownPaysTheRest() {
        Elder lowIncome = elder("E").agedOn(65, QuoteFixtures.MONDAY).categories("minimum_living").build();

        Quote q = quote(ZENGCHENG, lowIncome, lunch("2024-05-06", 1200));

        assertThat(q.ruleLabel()).isEqualTo("zc-priority");
        assertThat(q.copayFen()).isEqualTo(100);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 300),
                new FunderShare("town", 500));
    }

    @Test
    void percentPartsRoundDownAndTheRestPartTakesTheRemainder() {
        Policy halves = with(rule("r").fixed(301).funding(percentPart("city", 5000), restPart("district")));
        Policy thirds = with(rule("r").fixed(1000).funding(percentPart("city", 3333), percentPart("district", 3333), restPart("town")));

        assertThat(quote(halves, lunch("2024-05-06", 1000)).funderShares())
                .containsExactly(new FunderShare("city", 150), new FunderShare("district", 151));
        assertThat(quote(thirds, lunch("2024-05-06", 1000)).funderShares())
                .containsExactly(new FunderShare("city", 333), new FunderShare("district", 333), new FunderShare("town", 334));
    }

    @Test
    void aRestPartListedFirstStillTakesOnlyWhatTheOthersLeave() {
        Quote q = quote(with(rule("r").fixed(900).funding(restPart("town"), fixedPart("city", 300))), lunch("2024-05-06", 1200));

        assertThat(q.appliedRules().get(0).shares()).as("rule order")
                .containsExactly(new FunderShare("town", 600), new FunderShare("city", 300));
        assertThat(q.funderShares()).as("policy funder order")
                .containsExactly(new FunderShare("city", 300), new FunderShare("town", 600));
    }

    @Test
    void fixedPartsTakeWhatIsLeftInOrderWhenTheSubsidyIsSmall() {
        Quote q = quote(with(rule("r").fixed(900).funding(zengchengParts())), lunch("2024-05-06", 400));

        assertThat(q.subsidyFen()).isEqualTo(400);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 100));
    }

    @Test
    void aSubsidyTheFundersDoNotCoverIsNotGranted() {
        Quote fixedShort = quote(with(rule("r").fixed(900).funding(fixedPart("city", 300))), lunch("2024-05-06", 1200));
        Quote percentShort = quote(with(rule("r").fixed(100).funding(percentPart("city", 3333), percentPart("district", 3333),
                percentPart("town", 3334))), lunch("2024-05-06", 1200));

        assertThat(fixedShort.subsidyFen()).isEqualTo(300);
        assertThat(fixedShort.appliedRules().get(0).droppedFen()).isZero();
        assertThat(percentShort.subsidyFen()).as("33 + 33 + 33: the odd fen nobody pays stays with the elder").isEqualTo(99);
    }

    @Test
    void oneFunderNamedTwiceGetsOneShare() {
        Quote q = quote(with(rule("r").fixed(900).funding(fixedPart("city", 300), restPart("city", Locality.HOME_TOWN))),
                lunch("2024-05-06", 1200));

        assertThat(q.appliedRules().get(0).shares()).containsExactly(new FunderShare("city", 900));
    }

    @Test
    void percentPartsAreSharesOfTheSubsidyAfterLimits() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("r").fixed(900).funding(percentPart("city", 5000), restPart("district")))
                .limit(limit("day-cap", LimitWindow.DAY).fen(500))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1200));

        assertThat(q.subsidyFen()).isEqualTo(500);
        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 250), new FunderShare("district", 250));
    }

    @Test
    void whenEveryPartIsDroppedTheElderIsToldWhy() {
        Policy townOnly = with(rule("r").fixed(500).funding(restPart("town", Locality.HOME_TOWN)));

        Quote q = quote(townOnly, lunch("2024-05-06", 1000).canteen(QuoteFixtures.XINTANG_CANTEEN));

        assertThat(q.subsidyFen()).isZero();
        assertThat(q.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ELIGIBLE);
            assertThat(r.detail()).isEqualTo("rule r: its funding parts (500 fen) are only paid when eating in the home district or town");
        });
    }

    @Test
    void funderSharesAreSummedAcrossStackedRulesInPolicyFunderOrder() {
        Policy policy = PolicyBuilder.policy("p")
                .rule(rule("a").group("g1").fixed(300).funding(fixedPart("welfare_lottery", 100), restPart("district")))
                .rule(rule("b").group("g2").fixed(400).funding(fixedPart("district", 100), restPart("city")))
                .build();

        Quote q = quote(policy, lunch("2024-05-06", 1200));

        assertThat(q.funderShares()).containsExactly(new FunderShare("city", 300), new FunderShare("district", 300),
                new FunderShare("welfare_lottery", 100));
    }

    private static org.yishi.core.policy.FundingPart[] zengchengParts() {
        return PolicyFixtures.zengchengSplit();
    }
}
