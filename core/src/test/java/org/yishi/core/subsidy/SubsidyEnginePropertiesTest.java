package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.Funder;
import org.yishi.core.policy.FundingPart;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.ProviderSubsidyRule;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.core.policy.SubsidyRule;
import org.yishi.core.subsidy.EngineScenarios.Sale;
import org.yishi.core.subsidy.EngineScenarios.Scenario;

/**
 * Properties of the engine over seeded random scenarios ({@link EngineScenarios}): each test runs a few hundred
 * seeds and a failure names its seed, which reproduces it. Each sale is quoted with the elder's earlier sales as
 * history, as a till does. The properties are about what the engine decides — what the bill is made of, which tier
 * wins, what limits allow — not the consistency {@link Quote}'s constructor already enforces.
 */
class SubsidyEnginePropertiesTest {

    private static final int SCENARIOS = 300;

    private final SubsidyEngine engine = new SubsidyEngine();

    /** A sale as quoted, with the history entry the till stored for it. */
    record Sold(Sale sale, Purchase purchase, Quote quote, PriorPurchase stored) {
    }

    @Test
    void theBillIsMadeOfItsItemsAndItsRulesShares() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.anyPolicy(seed);
            for (Sold sold : sell(s)) {
                Quote q = sold.quote();
                Sale sale = sold.sale();
                assertThat(q.priceFen()).as("price: every item").isEqualTo(sale.mealFen() + sale.extraFen());
                assertThat(q.eligiblePriceFen()).as("eligible price: the meal, not the extra").isEqualTo(sale.mealFen());
                assertThat(q.copayFen()).as("the extra is never subsidised").isGreaterThanOrEqualTo(sale.extraFen());
                assertThat(q.subsidyFen()).isEqualTo(q.appliedRules().stream().mapToLong(AppliedRule::subsidyFen).sum());
                assertThat(q.funderShares()).as("funder totals: the rules' shares per funder, in the policy's order")
                        .containsExactlyElementsOf(sharesPerFunder(s.policy(), q.appliedRules()));
                for (AppliedRule r : q.appliedRules()) {
                    assertThat(r.shares().stream().mapToLong(FunderShare::fen).sum()).as("shares of %s", r.ruleId())
                            .isEqualTo(r.subsidyFen());
                }
                assertThat(q.refusal().isPresent()).as("a refusal exactly when nothing is granted").isEqualTo(q.subsidyFen() == 0);
            }
        });
    }

    @Test
    void aRuleNeverGivesMoreThanItsFormulaItsCapAndItsFundersInThisPlace() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.anyPolicy(seed);
            for (Sold sold : sell(s)) {
                List<String> groups = new ArrayList<>();
                for (AppliedRule r : sold.quote().appliedRules()) {
                    SubsidyRule rule = ruleById(s.policy(), r.ruleId());
                    long formula = gross(rule.formula(), sold.quote().eligiblePriceFen());
                    assertThat(r.grossFen()).as("%s gross", r.ruleId()).isEqualTo(formula);
                    assertThat(r.subsidyFen()).as("%s granted", r.ruleId()).isPositive().isLessThanOrEqualTo(formula);
                    rule.capFen().ifPresent(cap -> assertThat(r.subsidyFen()).as("%s cap", r.ruleId()).isLessThanOrEqualTo(cap));
                    assertThat(r.group()).isEqualTo(rule.group());
                    groups.add(rule.group());
                    for (FunderShare share : r.shares()) {
                        assertThat(rule.funding()).as("%s pays %s only through a part whose locality holds here", r.ruleId(), share)
                                .anyMatch(p -> p.funder().equals(share.funder()) && holds(p.onlyIf(), s.elder(), s.canteen()));
                    }
                }
                assertThat(groups).as("one winner per group, in the order of the groups' first rules")
                        .doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> firstRuleOf(s.policy(), a) - firstRuleOf(s.policy(), b));
            }
        });
    }

    @Test
    void aSaleOutsideItsMealWindowIsRefusedAsSuchAndOnlyThen() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.anyPolicy(seed);
            for (Sold sold : sell(s)) {
                Optional<RefusalReason> reason = sold.quote().refusal().map(Refusal::reason);
                if (sold.sale().insideWindow()) {
                    assertThat(reason).as("at %s", sold.sale().time()).isNotEqualTo(Optional.of(RefusalReason.OUTSIDE_MEAL_WINDOW));
                } else {
                    assertThat(reason).as("at %s", sold.sale().time()).contains(RefusalReason.OUTSIDE_MEAL_WINDOW);
                    assertThat(sold.quote().providerGrants()).isEmpty();
                }
            }
        });
    }

    /** Tiers of one group: the quote gives what the best tier alone would, and names the first such tier. */
    @Test
    void theBestTierOfAGroupWinsAndOnATieTheFirstListed() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.tiersOfOneGroup(seed);
            for (Sale sale : s.sales()) {
                Purchase purchase = sale.purchase(s.canteen());
                Quote q = engine.quote(s.policy(), s.elder(), purchase, List.of());
                long best = 0;
                String winner = null;
                for (SubsidyRule tier : s.policy().rules()) {
                    Policy alone = EngineScenarios.policy(List.of(tier), List.of(), List.of());
                    long fen = engine.quote(alone, s.elder(), purchase, List.of()).subsidyFen();
                    if (fen > best) {
                        best = fen;
                        winner = tier.id();
                    }
                }
                assertThat(q.subsidyFen()).as("at %s", sale.time()).isEqualTo(best);
                assertThat(q.appliedRules()).extracting(AppliedRule::ruleId)
                        .isEqualTo(winner == null ? List.of() : List.of(winner));
            }
        });
    }

    @Test
    void noSequenceOfSalesEverExceedsALimitOrAProviderSubsidysMaximum() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.anyPolicy(seed);
            List<PriorPurchase> history = sell(s).stream().map(Sold::stored).toList();
            for (Limit limit : s.policy().limits()) {
                Map<Object, Integer> meals = new HashMap<>();
                Map<Object, Long> fen = new HashMap<>();
                for (PriorPurchase p : history) {
                    if (countedBy(limit, p)) {
                        meals.merge(windowKey(limit.window(), p), 1, Integer::sum);
                        fen.merge(windowKey(limit.window(), p), p.subsidyFen(), Long::sum);
                    }
                }
                if (limit.maxMeals() >= 0) {
                    assertThat(meals.values()).as("meals per window of %s", limit).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit.maxMeals()));
                }
                if (limit.maxSubsidyFen() >= 0) {
                    assertThat(fen.values()).as("subsidy per window of %s", limit).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit.maxSubsidyFen()));
                }
            }
            for (ProviderSubsidyRule rule : s.policy().providerSubsidies()) {
                if (rule.window() != null) {
                    Map<Object, Integer> grants = new HashMap<>();
                    history.stream().filter(p -> p.providerRuleIds().contains(rule.id()))
                            .forEach(p -> grants.merge(windowKey(rule.window(), p), 1, Integer::sum));
                    assertThat(grants.values()).as("grants per window of %s", rule.id())
                            .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(rule.maxPerWindow()));
                }
            }
        });
    }

    @Test
    void theQuoteDependsOnItsInputsOnlyNotOnTheEngineInstanceOrTheHistorysOrder() {
        forEachSeed(seed -> {
            Scenario s = EngineScenarios.anyPolicy(seed);
            List<Sold> sold = sell(s);
            Sold last = sold.get(sold.size() - 1);
            List<PriorPurchase> history = new ArrayList<>(sold.subList(0, sold.size() - 1).stream().map(Sold::stored).toList());
            List<PriorPurchase> shuffled = new ArrayList<>(history);
            Collections.shuffle(shuffled, new Random(seed));
            Collections.reverse(history);

            assertThat(engine.quote(s.policy(), s.elder(), last.purchase(), history)).isEqualTo(last.quote());
            assertThat(new SubsidyEngine().quote(s.policy(), s.elder(), last.purchase(), shuffled)).isEqualTo(last.quote());
        });
    }

    /**
     * One tier for everyone, paid by one funder, at most {@code M} subsidised meals a day and {@code F} fen a week or a
     * month, over seven weeks of sales: the engine agrees with a plain re-statement of the documented rules.
     */
    @Test
    void oneTierWithADailyMealLimitAndAnAmountLimitAgreesWithASimpleOracle() {
        forEachSeed(seed -> {
            EngineScenarios g = EngineScenarios.seeded(seed);
            SubsidyFormula formula = g.formula();
            OptionalLong cap = g.cap();
            int maxMeals = g.between(1, 2);
            LimitWindow amountWindow = g.oneOf(List.of(LimitWindow.WEEK, LimitWindow.MONTH));
            long maxFen = g.oneOf(List.of(500L, 1500L, 3000L, 6000L));
            Policy policy = EngineScenarios.policy(List.of(new SubsidyRule("tier", "tier", "main", Eligibility.EVERYONE,
                            formula, cap, List.of(FundingPart.rest("city", Locality.ANYWHERE)), Optional.empty(), Optional.empty())),
                    List.of(new Limit("daily", LimitWindow.DAY, maxMeals, -1, Set.of(), Set.of()),
                            new Limit("amount", amountWindow, -1, maxFen, Set.of(), Set.of())),
                    List.of());
            Elder elder = g.elder();
            Canteen canteen = g.oneOf(EngineScenarios.CANTEENS);
            List<Sale> sales = new ArrayList<>();
            for (int i = 0, n = g.between(5, 40); i < n; i++) {
                sales.add(g.saleInsideAWindow());
            }
            sales.sort((a, b) -> a.time().compareTo(b.time()));

            Map<LocalDate, Integer> mealsOn = new HashMap<>();
            Map<Object, Long> fenIn = new HashMap<>();
            List<PriorPurchase> history = new ArrayList<>();
            for (Sale sale : sales) {
                Purchase purchase = sale.purchase(canteen);
                Quote q = engine.quote(policy, elder, purchase, List.copyOf(history));
                history.add(QuoteFixtures.asPrior(purchase, q));

                LocalDate day = sale.time().toLocalDate();
                Object window = amountWindow == LimitWindow.WEEK ? isoWeek(day) : YearMonth.from(day);
                int mealsToday = mealsOn.getOrDefault(day, 0);
                long amountLeft = Math.max(0, maxFen - fenIn.getOrDefault(window, 0L));
                long offered = Math.min(gross(formula, sale.mealFen()), Math.min(cap.orElse(Long.MAX_VALUE), sale.mealFen()));
                long expected = mealsToday >= maxMeals ? 0 : Math.min(offered, amountLeft);
                Optional<RefusalReason> why = sale.mealFen() == 0 ? Optional.of(RefusalReason.NOTHING_ELIGIBLE)
                        : expected > 0 ? Optional.empty()
                        : mealsToday >= maxMeals || amountLeft == 0 ? Optional.of(RefusalReason.LIMIT_REACHED)
                        : Optional.of(RefusalReason.NOT_ELIGIBLE);
                OptionalInt mealsLeft = sale.mealFen() == 0 ? OptionalInt.empty()
                        : OptionalInt.of(Math.max(0, maxMeals - mealsToday - (expected > 0 ? 1 : 0)));

                String at = sale.time() + " (meal " + sale.mealFen() + ", " + mealsToday + " meals today, " + amountLeft + " fen left)";
                assertThat(q.subsidyFen()).as("subsidy at %s", at).isEqualTo(expected);
                assertThat(q.copayFen()).as("copay at %s", at).isEqualTo(sale.mealFen() + sale.extraFen() - expected);
                assertThat(q.refusal().map(Refusal::reason)).as("refusal at %s", at).isEqualTo(why);
                assertThat(q.mealsLeftToday()).as("meals left at %s", at).isEqualTo(mealsLeft);
                assertThat(q.funderShares()).as("funders at %s", at)
                        .isEqualTo(expected > 0 ? List.of(new FunderShare("city", expected)) : List.of());
                if (expected > 0) {
                    mealsOn.merge(day, 1, Integer::sum);
                    fenIn.merge(window, expected, Long::sum);
                }
            }
        });
    }

    /** The properties above prove little unless the scenarios reach every outcome and shape of bill. */
    @Test
    void theScenariosReachEveryOutcomeAndShapeOfBill() {
        Map<String, Integer> seen = new TreeMap<>();
        forEachSeed(seed -> {
            for (Sold sold : sell(EngineScenarios.anyPolicy(seed))) {
                Quote q = sold.quote();
                seen.merge(q.refusal().map(r -> r.reason().name()).orElse("SUBSIDISED"), 1, Integer::sum);
                seen.merge(q.appliedRules().size() > 1 ? "stacked" : "single", 1, Integer::sum);
                if (q.appliedRules().stream().anyMatch(r -> r.droppedFen() > 0)) {
                    seen.merge("dropped part", 1, Integer::sum);
                }
                if (!q.providerGrants().isEmpty()) {
                    seen.merge("provider grant", 1, Integer::sum);
                }
            }
        });
        int quotes = seen.get("stacked") + seen.get("single");
        assertThat(seen.get("SUBSIDISED")).as("%s", seen).isGreaterThan(quotes / 10);
        assertThat(seen).as("%s", seen).containsKeys("LIMIT_REACHED", "NOT_ELIGIBLE", "OUTSIDE_MEAL_WINDOW",
                "NOTHING_ELIGIBLE", "stacked", "dropped part", "provider grant");
    }

    // ---- helpers: independent of the engine ----

    private static void forEachSeed(LongConsumer property) {
        for (long seed = 1; seed <= SCENARIOS; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private List<Sold> sell(Scenario s) {
        List<PriorPurchase> history = new ArrayList<>();
        List<Sold> sold = new ArrayList<>();
        for (Sale sale : s.sales()) {
            Purchase purchase = sale.purchase(s.canteen());
            Quote quote = engine.quote(s.policy(), s.elder(), purchase, List.copyOf(history));
            PriorPurchase stored = QuoteFixtures.asPrior(purchase, quote);
            history.add(stored);
            sold.add(new Sold(sale, purchase, quote, stored));
        }
        return sold;
    }

    private static long gross(SubsidyFormula formula, long eligibleFen) {
        if (formula instanceof SubsidyFormula.Fixed f) {
            return f.fen();
        }
        if (formula instanceof SubsidyFormula.Copay c) {
            return Math.max(0, eligibleFen - c.fen());
        }
        return eligibleFen * ((SubsidyFormula.Percent) formula).basisPoints() / 10_000;
    }

    private static List<FunderShare> sharesPerFunder(Policy policy, List<AppliedRule> applied) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Funder f : policy.funders()) {
            sums.put(f.code(), 0L);
        }
        applied.forEach(r -> r.shares().forEach(s -> sums.merge(s.funder(), s.fen(), Long::sum)));
        return sums.entrySet().stream().filter(e -> e.getValue() != 0).map(e -> new FunderShare(e.getKey(), e.getValue())).toList();
    }

    private static boolean holds(Locality locality, Elder elder, Canteen canteen) {
        boolean district = elder.registeredDistrict().equals(canteen.district());
        return switch (locality) {
            case ANYWHERE -> true;
            case HOME_DISTRICT -> district;
            case HOME_TOWN -> district && elder.registeredTown().equals(canteen.town());
            case RESIDENT_DISTRICT, RESIDENT_TOWN -> locality.holds(elder.residentDistrict(), elder.residentTown(), canteen.district(), canteen.town());
        };
    }

    private static int firstRuleOf(Policy policy, String group) {
        for (int i = 0; i < policy.rules().size(); i++) {
            if (policy.rules().get(i).group().equals(group)) {
                return i;
            }
        }
        throw new IllegalArgumentException(group);
    }

    /** The documented counting rule (docs/engine.md, limits), written independently of the engine. */
    private static boolean countedBy(Limit limit, PriorPurchase p) {
        if (!limit.mealSlots().isEmpty() && !limit.mealSlots().contains(p.mealSlot())) {
            return false;
        }
        if (limit.rules().isEmpty()) {
            return !p.ruleIds().isEmpty();
        }
        return p.ruleIds().stream().anyMatch(limit.rules()::contains);
    }

    private static Object windowKey(LimitWindow window, PriorPurchase p) {
        LocalDate d = p.time().toLocalDate();
        return switch (window) {
            case MEAL_SLOT -> d + "/" + p.mealSlot();
            case DAY -> d;
            case WEEK -> isoWeek(d);
            case MONTH -> YearMonth.from(d);
        };
    }

    private static String isoWeek(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static SubsidyRule ruleById(Policy policy, String id) {
        return policy.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
