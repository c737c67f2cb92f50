package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.core.policy.LimitBuilder.limit;
import static org.yishi.core.policy.RuleBuilder.rule;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.policy.LimitBuilder;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyBuilder;

class LimitsTest extends EngineTestSupport {

    /** One rule "r" granting 500, limited as given. */
    private static Policy fiveYuan(LimitBuilder... limits) {
        PolicyBuilder p = PolicyBuilder.policy("p").rule(rule("r").fixed(500));
        for (LimitBuilder l : limits) {
            p.limit(l);
        }
        return p.build();
    }

    private static void assertLimitReached(Quote q, String detail) {
        assertThat(q.subsidyFen()).isZero();
        assertThat(q.copayFen()).isEqualTo(q.priceFen());
        assertThat(q.refusal()).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(RefusalReason.LIMIT_REACHED);
            assertThat(r.detail()).isEqualTo(detail);
        });
    }

    @Nested
    class Windows {

        @Test
        void mealSlotWindowIsOneSlotOnOneDay() {
            Policy policy = fiveYuan(limit("one-per-slot", LimitWindow.MEAL_SLOT).meals(1));

            assertLimitReached(quote(policy, lunch("2024-05-06", 1000), prior("2024-05-06T11:00", "lunch", 500, "r")),
                    "limit one-per-slot (MEAL_SLOT 2024-05-06 lunch): 1 of 1 subsidised meals used");
            assertThat(quote(policy, dinner("2024-05-06", 1000), prior("2024-05-06T11:00", "lunch", 500, "r")).subsidyFen())
                    .isEqualTo(500);
            assertThat(quote(policy, lunch("2024-05-06", 1000), prior("2024-05-05T11:00", "lunch", 500, "r")).subsidyFen())
                    .isEqualTo(500);
        }

        @Test
        void dayWindowIsTheCalendarDay() {
            Policy policy = fiveYuan(limit("two-a-day", LimitWindow.DAY).meals(2));
            PriorPurchase breakfast = prior("2024-05-06T07:30", "breakfast", 500, "r");
            PriorPurchase lunch = prior("2024-05-06T11:00", "lunch", 500, "r");
            PriorPurchase lateYesterday = prior("2024-05-05T23:59", "dinner", 500, "r");

            assertLimitReached(quote(policy, dinner("2024-05-06", 1000), breakfast, lunch),
                    "limit two-a-day (DAY 2024-05-06): 2 of 2 subsidised meals used");
            assertThat(quote(policy, dinner("2024-05-06", 1000), lateYesterday, lunch).subsidyFen()).isEqualTo(500);
        }

        @Test
        void weekWindowRunsMondayToSunday() {
            Policy policy = fiveYuan(limit("three-a-week", LimitWindow.WEEK).meals(3));
            PriorPurchase[] monToWed = {
                    prior("2024-05-06T11:00", "lunch", 500, "r"),
                    prior("2024-05-07T11:00", "lunch", 500, "r"),
                    prior("2024-05-08T11:00", "lunch", 500, "r")};
            PriorPurchase[] friToSun = {
                    prior("2024-05-03T11:00", "lunch", 500, "r"),
                    prior("2024-05-04T11:00", "lunch", 500, "r"),
                    prior("2024-05-05T11:00", "lunch", 500, "r")};

            assertLimitReached(quote(policy, lunch("2024-05-12", 1000), monToWed),
                    "limit three-a-week (WEEK 2024-W19): 3 of 3 subsidised meals used");
            assertThat(quote(policy, lunch("2024-05-06", 1000), friToSun).subsidyFen()).as("Monday starts a new week").isEqualTo(500);
            assertThat(quote(policy, lunch("2024-05-13", 1000), monToWed).subsidyFen()).isEqualTo(500);
        }

        @Test
        void monthWindowIsTheCalendarMonthAndAnAmountLimitGrantsWhatIsLeft() {
            Policy policy = fiveYuan(limit("month-cap", LimitWindow.MONTH).fen(1200));
            PriorPurchase may1 = prior("2024-05-01T11:00", "lunch", 500, "r");
            PriorPurchase may2 = prior("2024-05-02T11:00", "lunch", 500, "r");
            PriorPurchase april30 = prior("2024-04-30T11:00", "lunch", 500, "r");

            Quote partial = quote(policy, lunch("2024-05-31", 1000), may1, may2, april30);
            assertThat(partial.subsidyFen()).isEqualTo(200);
            assertThat(partial.appliedRules().get(0).grossFen()).isEqualTo(500);
            assertThat(partial.funderShares()).containsExactly(new FunderShare("city", 200));
            assertThat(quote(policy, lunch("2024-06-01", 1000), may1, may2).subsidyFen()).isEqualTo(500);
            assertLimitReached(quote(policy, lunch("2024-05-20", 1000), may1, may2, prior("2024-05-03T11:00", "lunch", 200, "r")),
                    "limit month-cap (MONTH 2024-05): 1200 of 1200 fen subsidy used");
        }

        @Test
        void laterHistoryInsideTheWindowCountsToo() {
            Policy policy = fiveYuan(limit("one-a-day", LimitWindow.DAY).meals(1));

            assertThat(quote(policy, lunch("2024-05-06", 1000), prior("2024-05-06T17:30", "dinner", 500, "r")).subsidised())
                    .as("a recomputation sees the whole day it was given").isFalse();
        }
    }

    @Nested
    class WhatALimitCountsAndRestricts {

        private final Policy twoRules = PolicyBuilder.policy("p")
                .rule(rule("a").group("ga").fixed(400))
                .rule(rule("b").group("gb").fixed(400))
                .limit(limit("b-daily", LimitWindow.DAY).meals(1).rules("b"))
                .build();

        @Test
        void aLimitWithRulesCountsOnlyPurchasesThoseRulesSubsidised() {
            Quote q = quote(twoRules, dinner("2024-05-06", 1200), prior("2024-05-06T11:00", "lunch", 400, "a"));

            assertThat(q.ruleLabel()).isEqualTo("a+b");
            assertThat(q.subsidyFen()).isEqualTo(800);
        }

        @Test
        void aLimitWithRulesRestrictsOnlyThoseRules() {
            Quote q = quote(twoRules, dinner("2024-05-06", 1200), prior("2024-05-06T11:00", "lunch", 800, "a", "b"));

            assertThat(q.ruleLabel()).isEqualTo("a");
            assertThat(q.subsidyFen()).isEqualTo(400);
        }

        @Test
        void aLimitWithSlotsCountsAndRestrictsOnlyThoseSlots() {
            Policy policy = fiveYuan(limit("one-lunch", LimitWindow.DAY).meals(1).slots("lunch"));
            PriorPurchase lunchToday = prior("2024-05-06T11:00", "lunch", 500, "r");
            PriorPurchase dinnerToday = prior("2024-05-06T17:00", "dinner", 500, "r");

            assertThat(quote(policy, dinner("2024-05-06", 1000), lunchToday).subsidyFen()).isEqualTo(500);
            assertThat(quote(policy, lunch("2024-05-06", 1000), dinnerToday).subsidyFen()).isEqualTo(500);
            assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T12:00").lunch().meal(1000), lunchToday).subsidised()).isFalse();
        }

        @Test
        void aPurchaseWithoutMealRulesIsNotCounted() {
            Policy policy = fiveYuan(limit("one-a-day", LimitWindow.DAY).meals(1));
            PriorPurchase providerOnly = priorWithProvider("2024-05-06T08:00", "breakfast", 0, Set.of(), "op");

            assertThat(quote(policy, lunch("2024-05-06", 1000), providerOnly).subsidyFen()).isEqualTo(500);
        }

        @Test
        void amountLimitsCountWhatEarlierGroupsOfThisPurchaseGranted() {
            Policy policy = PolicyBuilder.policy("p")
                    .rule(rule("a").group("ga").fixed(400))
                    .rule(rule("b").group("gb").fixed(400))
                    .limit(limit("b-daily-amount", LimitWindow.DAY).fen(1000).rules("b"))
                    .build();

            Quote q = quote(policy, dinner("2024-05-06", 1200), prior("2024-05-06T11:00", "lunch", 300, "b"));

            assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::subsidyFen)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 400L), org.assertj.core.groups.Tuple.tuple("b", 300L));
        }

        @Test
        void onceAPurchaseCountsForAnAmountLimitLaterGroupsStayWithinIt() {
            Policy policy = PolicyBuilder.policy("p")
                    .rule(rule("a").group("ga").fixed(400))
                    .rule(rule("b").group("gb").fixed(400))
                    .limit(limit("a-daily-amount", LimitWindow.DAY).fen(500).rules("a"))
                    .build();

            Quote q = quote(policy, lunch("2024-05-06", 1200));

            assertThat(q.appliedRules()).extracting(AppliedRule::ruleId, AppliedRule::subsidyFen)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 400L), org.assertj.core.groups.Tuple.tuple("b", 100L));
        }

        @Test
        void aStackedPurchaseIsOneMealForACountLimit() {
            Policy policy = PolicyBuilder.policy("p")
                    .rule(rule("a").group("ga").fixed(400))
                    .rule(rule("b").group("gb").fixed(400))
                    .limit(limit("one-per-slot", LimitWindow.MEAL_SLOT).meals(1))
                    .build();

            Quote first = quote(policy, lunch("2024-05-06", 1200));
            assertThat(first.subsidyFen()).isEqualTo(800);
            assertThat(first.mealsLeftToday()).hasValue(0);
            PriorPurchase stored = QuoteFixtures.asPrior(lunch("2024-05-06", 1200).build(), first);
            assertLimitReached(quote(policy, PurchaseBuilder.at("2024-05-06T12:30").lunch().meal(1200), stored),
                    "limit one-per-slot (MEAL_SLOT 2024-05-06 lunch): 1 of 1 subsidised meals used");
        }

        @Test
        void theTightestOfSeveralLimitsWins() {
            Policy policy = fiveYuan(limit("month", LimitWindow.MONTH).fen(5000), limit("day", LimitWindow.DAY).fen(700));

            Quote q = quote(policy, dinner("2024-05-06", 1000), prior("2024-05-06T11:00", "lunch", 500, "r"));

            assertThat(q.subsidyFen()).isEqualTo(200);
        }

        @Test
        void aLimitOfBothMealsAndAmountStopsAtWhicheverComesFirst() {
            Policy policy = fiveYuan(limit("week", LimitWindow.WEEK).meals(3).fen(1200));

            assertThat(quote(policy, lunch("2024-05-07", 1000), prior("2024-05-06T11:00", "lunch", 500, "r")).subsidyFen())
                    .isEqualTo(500);
            assertThat(quote(policy, lunch("2024-05-08", 1000), prior("2024-05-06T11:00", "lunch", 500, "r"),
                    prior("2024-05-07T11:00", "lunch", 500, "r")).subsidyFen()).isEqualTo(200);
            assertLimitReached(quote(policy, lunch("2024-05-09", 1000), prior("2024-05-06T11:00", "lunch", 100, "r"),
                            prior("2024-05-07T11:00", "lunch", 100, "r"), prior("2024-05-08T11:00", "lunch", 100, "r")),
                    "limit week (WEEK 2024-W19): 3 of 3 subsidised meals used");
        }
    }

    @Nested
    class MealsLeftToday {

        @Test
        void countsDownThroughTheDay() {
            Policy policy = fiveYuan(limit("two-a-day", LimitWindow.DAY).meals(2));
            PriorPurchase breakfast = prior("2024-05-06T07:30", "breakfast", 500, "r");
            PriorPurchase lunch = prior("2024-05-06T11:00", "lunch", 500, "r");

            assertThat(quote(policy, PurchaseBuilder.at("2024-05-06T07:30").breakfast().meal(600)).mealsLeftToday()).hasValue(1);
            assertThat(quote(policy, lunch("2024-05-06", 1000), breakfast).mealsLeftToday()).hasValue(0);
            Quote refused = quote(policy, dinner("2024-05-06", 1000), breakfast, lunch);
            assertThat(refused.refusal()).map(Refusal::reason).hasValue(RefusalReason.LIMIT_REACHED);
            assertThat(refused.mealsLeftToday()).hasValue(0);
        }

        @Test
        void isTheSmallestOverDayAndSlotLimits() {
            Policy policy = fiveYuan(limit("one-per-slot", LimitWindow.MEAL_SLOT).meals(1), limit("three-a-day", LimitWindow.DAY).meals(3),
                    limit("month", LimitWindow.MONTH).meals(40));

            assertThat(quote(policy, lunch("2024-05-06", 1000)).mealsLeftToday()).as("none left in this lunch").hasValue(0);
            Policy dayOnly = fiveYuan(limit("three-a-day", LimitWindow.DAY).meals(3), limit("month", LimitWindow.MONTH).meals(40));
            assertThat(quote(dayOnly, lunch("2024-05-06", 1000)).mealsLeftToday()).hasValue(2);
        }

        @Test
        void isEmptyWithoutADailyCountLimit() {
            assertThat(quote(fiveYuan(), lunch("2024-05-06", 1000)).mealsLeftToday()).isEmpty();
            assertThat(quote(fiveYuan(limit("week", LimitWindow.WEEK).meals(5)), lunch("2024-05-06", 1000)).mealsLeftToday()).isEmpty();
            assertThat(quote(fiveYuan(limit("day-amount", LimitWindow.DAY).fen(1000)), lunch("2024-05-06", 1000)).mealsLeftToday()).isEmpty();
        }

        @Test
        void ignoresLimitsOnOtherSlotsAndRules() {
            Policy policy = PolicyBuilder.policy("p")
                    .rule(rule("r").fixed(500))
                    .rule(rule("other").minAge(100).fixed(900))
                    .limit(limit("dinner-only", LimitWindow.DAY).meals(1).slots("dinner"))
                    .limit(limit("other-only", LimitWindow.DAY).meals(1).rules("other"))
                    .build();

            assertThat(quote(policy, lunch("2024-05-06", 1000)).mealsLeftToday()).isEmpty();
            assertThat(quote(policy, dinner("2024-05-06", 1000)).mealsLeftToday()).hasValue(0);
        }

        @Test
        void isEmptyWhenThePurchaseIsRefusedBeforeTheRules() {
            Policy policy = fiveYuan(limit("two-a-day", LimitWindow.DAY).meals(2));
            Card lost = new Card("04A1B2C3", "E1", CardStatus.LOST, java.time.Instant.parse("2024-05-01T00:00:00Z"));

            assertThat(quote(policy, lunch("2024-05-06", 1000).card(lost)).mealsLeftToday()).isEmpty();
            Policy nobody = PolicyBuilder.policy("p").rule(rule("r").minAge(100)).limit(limit("d", LimitWindow.DAY).meals(2)).build();
            assertThat(quote(nobody, lunch("2024-05-06", 1000)).mealsLeftToday()).isEmpty();
        }
    }
}
