package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.RuleBuilder.rule;
import static org.yishi.core.subsidy.ElderBuilder.elder;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;

class RefusalTest extends EngineTestSupport {

    private final Policy policy = PolicyBuilder.policy("p").effective("2024-01-01", "2024-12-31")
            .rule(rule("r").minAge(60).fixed(500))
            .limit(limit("one-per-slot", LimitWindow.MEAL_SLOT).meals(1))
            .build();

    /** 2024-05-06 03:00 UTC is 11:00 in Shanghai. */
    private static final Instant MONDAY_11_00_SHANGHAI = Instant.parse("2024-05-06T03:00:00Z");

    private static Card card(String elderId, CardStatus status, Instant since) {
        return new Card("04A1B2C3D4", elderId, status, since);
    }

    private static Refusal refusalOf(Quote q) {
        assertThat(q.subsidyFen()).isZero();
        assertThat(q.copayFen()).isEqualTo(q.priceFen());
        assertThat(q.funderShares()).isEmpty();
        assertThat(q.appliedRules()).isEmpty();
        assertThat(q.ruleLabel()).isEmpty();
        return q.refusal().orElseThrow();
    }

    @Test
    void policyNotInForce() {
        Refusal before = refusalOf(quote(policy, lunch("2023-12-31", 1000)));
        Refusal after = refusalOf(quote(policy, lunch("2025-01-01", 1000)));

        assertThat(before.reason()).isEqualTo(RefusalReason.POLICY_NOT_IN_FORCE);
        assertThat(before.detail()).isEqualTo("policy p test.1 is in force 2024-01-01..2024-12-31, not on 2023-12-31");
        assertThat(after.reason()).isEqualTo(RefusalReason.POLICY_NOT_IN_FORCE);
        assertThat(quote(policy, lunch("2024-12-31", 1000)).subsidised()).isTrue();
    }

    @Test
    void elderDeceasedNamesTheDayOfDeath() {
        Elder died = elder("E1").status(ElderState.DECEASED, "2024-05-01").build();

        Refusal r = refusalOf(quote(policy, died, lunch("2024-05-06", 1000)));

        assertThat(r.reason()).isEqualTo(RefusalReason.ELDER_DECEASED);
        assertThat(r.detail()).isEqualTo("died 2024-05-01");
    }

    @Test
    void aDeathRecordedForALaterDayDoesNotRefuseEarlierMeals() {
        Elder diesLater = elder("E1").status(ElderState.DECEASED, "2024-05-07").build();

        assertThat(quote(policy, diesLater, lunch("2024-05-06", 1000)).subsidised()).isTrue();
        assertThat(refusalOf(quote(policy, diesLater, lunch("2024-05-07", 1000))).reason()).isEqualTo(RefusalReason.ELDER_DECEASED);
    }

    @Test
    void suspendedOrWithdrawnElderIsNotActive() {
        Elder suspended = elder("E1").status(ElderState.SUSPENDED, "2024-05-01").build();
        Elder withdrawn = elder("E1").status(ElderState.WITHDRAWN, "2024-05-01").build();
        Elder backFromHospital = elder("E1").status(ElderState.SUSPENDED, "2024-04-01").status(ElderState.ACTIVE, "2024-05-01").build();

        Refusal r = refusalOf(quote(policy, suspended, lunch("2024-05-06", 1000)));
        assertThat(r.reason()).isEqualTo(RefusalReason.ELDER_NOT_ACTIVE);
        assertThat(r.detail()).isEqualTo("elder E1 is SUSPENDED on 2024-05-06");
        assertThat(refusalOf(quote(policy, withdrawn, lunch("2024-05-06", 1000))).reason()).isEqualTo(RefusalReason.ELDER_NOT_ACTIVE);
        assertThat(quote(policy, backFromHospital, lunch("2024-05-06", 1000)).subsidised()).isTrue();
    }

    @Test
    void cardOfAnotherElder() {
        Refusal r = refusalOf(quote(policy, lunch("2024-05-06", 1000).card(card("E2", CardStatus.ACTIVE, Instant.EPOCH))));

        assertThat(r.reason()).isEqualTo(RefusalReason.CARD_MISMATCH);
        assertThat(r.detail()).isEqualTo("card ****C3D4 belongs to elder E2, not E1");
    }

    @Test
    void lostCardIsRefusedFromTheMomentOfTheReportInThePolicyZone() {
        Card lostAt11 = card("E1", CardStatus.LOST, MONDAY_11_00_SHANGHAI);

        assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T10:59").lunch().meal(1000).card(lostAt11)).subsidised())
                .as("10:59 Shanghai is before the report").isTrue();
        Refusal r = refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T11:00").lunch().meal(1000).card(lostAt11)));
        assertThat(r.reason()).isEqualTo(RefusalReason.CARD_LOST);
        assertThat(r.detail()).isEqualTo("card ****C3D4 LOST since 2024-05-06T03:00:00Z");
    }

    @Test
    void revokedCard() {
        Refusal r = refusalOf(quote(policy, lunch("2024-05-06", 1000).card(card("E1", CardStatus.REVOKED, Instant.parse("2024-01-01T00:00:00Z")))));

        assertThat(r.reason()).isEqualTo(RefusalReason.CARD_REVOKED);
    }

    @Test
    void aCardTheTillBlockedIsRefusedWhateverTheTimeOfItsBlock() {
        // blocked "in the future" by a till clock that was ahead: still never good, its real status is unknown
        Card blocked = card("E1", CardStatus.BLOCKED, Instant.parse("2030-01-01T00:00:00Z"));
        Refusal r = refusalOf(quote(policy, lunch("2024-05-06", 1000).card(blocked)));

        assertThat(r.reason()).isEqualTo(RefusalReason.CARD_BLOCKED);
        assertThat(blocked.activeAt(Instant.EPOCH)).isFalse();
    }

    @Test
    void activeCardIsFine() {
        assertThat(quote(policy, lunch("2024-05-06", 1000).card(card("E1", CardStatus.ACTIVE, Instant.EPOCH))).subsidised()).isTrue();
    }

    @Test
    void unknownMealSlot() {
        Refusal r = refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T21:00").slot("supper").meal(1000)));

        assertThat(r.reason()).isEqualTo(RefusalReason.UNKNOWN_MEAL_SLOT);
        assertThat(r.detail()).isEqualTo("meal slot \"supper\" is not defined by policy p");
    }

    @Test
    void outsideEveryMealWindowIsARefusalNotACrash() {
        Quote q = quote(policy, PurchaseBuilder.at("2024-05-06T14:00").outsideEverySlot().meal(1000));

        assertThat(q.subsidyFen()).isZero();
        assertThat(q.copayFen()).isEqualTo(1000);
        assertThat(q.providerGrants()).isEmpty();
        assertThat(q.refusal().orElseThrow().reason()).isEqualTo(RefusalReason.OUTSIDE_MEAL_WINDOW);
        assertThat(q.refusal().orElseThrow().detail()).startsWith("14:00 is outside every meal window of policy p (");
    }

    @Test
    void mealWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T10:29:59").lunch().meal(1000))).detail())
                .isEqualTo("10:29:59 is outside lunch 10:30-13:30");
        assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T10:30").lunch().meal(1000)).subsidised()).isTrue();
        assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T13:29:59").lunch().meal(1000)).subsidised()).isTrue();
        assertThat(refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T13:30").lunch().meal(1000))).reason())
                .isEqualTo(RefusalReason.OUTSIDE_MEAL_WINDOW);
    }

    @Test
    void nothingEligibleInTheBasket() {
        Refusal onlyMilk = refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T11:00").lunch().extra(500)));
        Refusal freeMeal = refusalOf(quote(policy, lunch("2024-05-06", 0)));

        assertThat(onlyMilk.reason()).isEqualTo(RefusalReason.NOTHING_ELIGIBLE);
        assertThat(freeMeal.reason()).isEqualTo(RefusalReason.NOTHING_ELIGIBLE);
    }

    @Test
    void notEligible() {
        Refusal r = refusalOf(quote(policy, elder("E1").agedOn(59, QuoteFixtures.MONDAY).build(), lunch("2024-05-06", 1000)));

        assertThat(r.reason()).isEqualTo(RefusalReason.NOT_ELIGIBLE);
    }

    @Test
    void limitReached() {
        Refusal r = refusalOf(quote(policy, lunch("2024-05-06", 1000), prior("2024-05-06T11:00", "lunch", 500, "r")));

        assertThat(r.reason()).isEqualTo(RefusalReason.LIMIT_REACHED);
        assertThat(r.detail()).isEqualTo("limit one-per-slot (MEAL_SLOT 2024-05-06 lunch): 1 of 1 subsidised meals used");
    }

    @Test
    void checksRunInTheDocumentedOrder() {
        Elder deceased = elder("E1").status(ElderState.DECEASED, "2024-05-01").build();
        Card lost = card("E1", CardStatus.LOST, Instant.parse("2024-05-01T00:00:00Z"));
        Card othersLost = card("E2", CardStatus.LOST, Instant.parse("2024-05-01T00:00:00Z"));

        assertThat(refusalOf(quote(policy, deceased, lunch("2023-05-06", 1000).card(lost))).reason())
                .isEqualTo(RefusalReason.POLICY_NOT_IN_FORCE);
        assertThat(refusalOf(quote(policy, deceased, lunch("2024-05-06", 1000).card(lost))).reason())
                .isEqualTo(RefusalReason.ELDER_DECEASED);
        assertThat(refusalOf(quote(policy, lunch("2024-05-06", 1000).card(othersLost))).reason())
                .isEqualTo(RefusalReason.CARD_MISMATCH);
        assertThat(refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T21:00").slot("supper").meal(1000).card(lost))).reason())
                .isEqualTo(RefusalReason.CARD_LOST);
        assertThat(refusalOf(quote(policy, PurchaseBuilder.at("2024-05-06T21:00").lunch().extra(500))).reason())
                .isEqualTo(RefusalReason.OUTSIDE_MEAL_WINDOW);
        assertThat(refusalOf(quote(policy, elder("E1").agedOn(59, QuoteFixtures.MONDAY).build(),
                PurchaseBuilder.at("2024-05-06T11:00").lunch().extra(500))).reason())
                .isEqualTo(RefusalReason.NOTHING_ELIGIBLE);
    }

    @Test
    void aPolicyWithATerritoryCoversOnlyItsCanteens() {
        Policy zengchengOnly = PolicyBuilder.policy("zc").appliesAt("440118").effective("2024-01-01", null)
                .rule(rule("r").fixed(500)).build();
        Refusal outside = refusalOf(quote(zengchengOnly, anElder(), lunch("2024-05-06", 1000).canteen(QuoteFixtures.TIANHE_CANTEEN)));
        assertThat(outside.reason()).isEqualTo(RefusalReason.CANTEEN_NOT_COVERED);
        assertThat(outside.detail()).contains("440106").contains("[440118]");
        Quote inside = quote(zengchengOnly, anElder(), lunch("2024-05-06", 1000).canteen(QuoteFixtures.LICHENG_CANTEEN));
        assertThat(inside.subsidyFen()).isEqualTo(500);
        assertThat(inside.providerGrants()).isEmpty();
    }

    @Test
    void everyReasonIsReachable() {
        Set<RefusalReason> seen = EnumSet.noneOf(RefusalReason.class);
        Elder e = anElder();
        seen.add(refusalOf(quote(policy, lunch("2025-05-06", 1000))).reason());
        Policy zengchengOnly = PolicyBuilder.policy("zc").appliesAt("440118").effective("2024-01-01", null)
                .rule(rule("r").fixed(500)).build();
        seen.add(refusalOf(quote(zengchengOnly, e, lunch("2024-05-06", 1000).canteen(QuoteFixtures.TIANHE_CANTEEN))).reason());
        seen.add(refusalOf(quote(policy, elder("E1").status(ElderState.DECEASED, "2024-05-01").build(), lunch("2024-05-06", 1000))).reason());
        seen.add(refusalOf(quote(policy, elder("E1").status(ElderState.WITHDRAWN, "2024-05-01").build(), lunch("2024-05-06", 1000))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 1000).card(card("E2", CardStatus.ACTIVE, Instant.EPOCH)))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 1000).card(card("E1", CardStatus.LOST, Instant.EPOCH)))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 1000).card(card("E1", CardStatus.REVOKED, Instant.EPOCH)))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 1000).card(card("E1", CardStatus.BLOCKED, Instant.EPOCH)))).reason());
        seen.add(refusalOf(quote(policy, e, PurchaseBuilder.at("2024-05-06T11:00").slot("tea").meal(1000))).reason());
        seen.add(refusalOf(quote(policy, e, PurchaseBuilder.at("2024-05-06T15:00").lunch().meal(1000))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 0))).reason());
        seen.add(refusalOf(quote(policy, elder("E1").agedOn(50, QuoteFixtures.MONDAY).build(), lunch("2024-05-06", 1000))).reason());
        seen.add(refusalOf(quote(policy, e, lunch("2024-05-06", 1000), prior("2024-05-06T11:00", "lunch", 500, "r"))).reason());

        // CLOCK_NOT_TRUSTED is the till's, never the engine's (the till's checkout tests reach it).
        assertThat(seen).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(RefusalReason.CLOCK_NOT_TRUSTED)));
    }

    @Test
    void aSubsidisedQuoteCarriesNoRefusal() {
        Quote q = quote(policy, lunch("2024-05-06", 1000));

        assertThat(q.subsidised()).isTrue();
        assertThat(q.refusal()).isEmpty();
    }
}
