package org.yishi.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.CategoryMatcher;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.FundingPart;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.PolicyFixtures;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.policy.ProviderSubsidyRule;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.core.policy.SubsidyRule;

/**
 * Properties over random policies (rules, groups, funding with locality, limits, provider subsidies), elders
 * and sequences of purchases spanning weeks and a month boundary. Each quote is fed back as history, as a
 * till does.
 */
class SubsidyEnginePropertiesTest {

    private static final LocalDate START = LocalDate.of(2024, 4, 22);
    private static final List<String> SLOTS = List.of("breakfast", "lunch", "dinner");
    private static final List<String> FUNDERS = List.of("city", "district", "town", "welfare_lottery");

    private final SubsidyEngine engine = new SubsidyEngine();

    record Sale(LocalDateTime time, String slot, Channel channel, long mealFen, long extraFen) {
    }

    record Scenario(Policy policy, Elder elder, Canteen canteen, List<Sale> sales) {
    }

    /** A sale as quoted, with the history entry the till stored for it. */
    record Sold(Purchase purchase, Quote quote, PriorPurchase stored) {
    }

    @Property(tries = 300)
    void everyQuoteIsAConsistentBill(@ForAll("scenarios") Scenario s) {
        for (Sold sold : sell(s)) {
            Quote q = sold.quote();
            assertThat(q.subsidyFen()).isBetween(0L, q.eligiblePriceFen());
            assertThat(q.eligiblePriceFen()).isBetween(0L, q.priceFen());
            assertThat(q.copayFen()).isEqualTo(q.priceFen() - q.subsidyFen());
            assertThat(q.funderShares().stream().mapToLong(FunderShare::fen).sum()).isEqualTo(q.subsidyFen());
            assertThat(q.funderShares()).allSatisfy(f -> assertThat(f.fen()).isPositive());
            assertThat(q.appliedRules().stream().mapToLong(AppliedRule::subsidyFen).sum()).isEqualTo(q.subsidyFen());
            assertThat(q.refusal().isPresent()).isEqualTo(q.subsidyFen() == 0);
            Set<String> groups = new HashSet<>();
            for (AppliedRule r : q.appliedRules()) {
                SubsidyRule rule = ruleById(s.policy(), r.ruleId());
                assertThat(groups.add(r.group())).as("one winner per group").isTrue();
                assertThat(r.shares().stream().mapToLong(FunderShare::fen).sum()).isEqualTo(r.subsidyFen());
                assertThat(r.subsidyFen()).isPositive().isLessThanOrEqualTo(r.grossFen());
                rule.capFen().ifPresent(cap -> assertThat(r.subsidyFen()).isLessThanOrEqualTo(cap));
            }
            Statistics.label("outcome").collect(q.refusal().map(r -> r.reason().name()).orElse("SUBSIDISED"));
            Statistics.label("shape").collect(q.appliedRules().size() > 1 ? "stacked"
                    : q.appliedRules().stream().anyMatch(r -> r.droppedFen() > 0) ? "dropped part" : "plain");
        }
        // The generators must reach the interesting cases, or the assertions above prove little.
        Statistics.label("outcome").coverage(c -> {
            c.check("SUBSIDISED").percentage(p -> p >= 10.0);
            c.check("LIMIT_REACHED").count(n -> n > 0);
            c.check("NOT_ELIGIBLE").count(n -> n > 0);
            c.check("OUTSIDE_MEAL_WINDOW").count(n -> n > 0);
        });
        Statistics.label("shape").coverage(c -> {
            c.check("stacked").count(n -> n > 0);
            c.check("dropped part").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void noSequenceOfPurchasesEverExceedsALimit(@ForAll("scenarios") Scenario s) {
        List<PriorPurchase> history = sell(s).stream().map(Sold::stored).toList();

        for (Limit limit : s.policy().limits()) {
            Map<Object, Integer> meals = new HashMap<>();
            Map<Object, Long> fen = new HashMap<>();
            for (PriorPurchase p : history) {
                if (countedBy(limit, p)) {
                    Object window = windowKey(limit.window(), p);
                    meals.merge(window, 1, Integer::sum);
                    fen.merge(window, p.subsidyFen(), Long::sum);
                }
            }
            if (limit.maxMeals() >= 0) {
                assertThat(meals.values()).as("meals per window of " + limit).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit.maxMeals()));
            }
            if (limit.maxSubsidyFen() >= 0) {
                assertThat(fen.values()).as("subsidy per window of " + limit).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit.maxSubsidyFen()));
            }
        }
        for (ProviderSubsidyRule rule : s.policy().providerSubsidies()) {
            if (rule.window() == null) {
                continue;
            }
            Map<Object, Integer> grants = new HashMap<>();
            for (PriorPurchase p : history) {
                if (p.providerRuleIds().contains(rule.id())) {
                    grants.merge(windowKey(rule.window(), p), 1, Integer::sum);
                }
            }
            assertThat(grants.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(rule.maxPerWindow()));
        }
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameQuoteWhateverTheHistoryOrder(@ForAll("scenarios") Scenario s, @ForAll Random random) {
        List<Sold> sold = sell(s);
        Sold last = sold.get(sold.size() - 1);
        List<PriorPurchase> history = new ArrayList<>();
        for (int i = 0; i < sold.size() - 1; i++) {
            history.add(sold.get(i).stored());
        }
        List<PriorPurchase> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, random);

        Quote once = engine.quote(s.policy(), s.elder(), last.purchase(), history);
        Quote again = new SubsidyEngine().quote(s.policy(), s.elder(), last.purchase(), shuffled);

        assertThat(once).isEqualTo(last.quote());
        assertThat(again).isEqualTo(once);
    }

    private List<Sold> sell(Scenario s) {
        List<Sale> sales = new ArrayList<>(s.sales());
        sales.sort(Comparator.comparing(Sale::time));
        List<PriorPurchase> history = new ArrayList<>();
        List<Sold> sold = new ArrayList<>();
        for (Sale sale : sales) {
            PurchaseBuilder b = PurchaseBuilder.at(sale.time()).slot(sale.slot()).canteen(s.canteen()).meal(sale.mealFen());
            if (sale.extraFen() > 0) {
                b.extra(sale.extraFen());
            }
            if (sale.channel() == Channel.DELIVERY) {
                b.delivery();
            }
            Purchase purchase = b.build();
            Quote quote = engine.quote(s.policy(), s.elder(), purchase, List.copyOf(history));
            PriorPurchase stored = QuoteFixtures.asPrior(purchase, quote);
            history.add(stored);
            sold.add(new Sold(purchase, quote, stored));
        }
        return sold;
    }

    /** The documented counting rule, written independently of the engine. */
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
            case WEEK -> d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTH -> YearMonth.from(d);
        };
    }

    private static SubsidyRule ruleById(Policy policy, String id) {
        return policy.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    // ---- generators ----

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Function<String, SubsidyRule>>> rules = rule().list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Policy> policies = rules.flatMap(rs -> Combinators.combine(
                        limit(rs.size()).list().ofMaxSize(3),
                        provider().list().ofMaxSize(2))
                .as((limits, providers) -> policy(rs, limits, providers)));
        return Combinators.combine(policies, elder(), Arbitraries.of(QuoteFixtures.LICHENG_CANTEEN, QuoteFixtures.XINTANG_CANTEEN,
                        QuoteFixtures.TIANHE_CANTEEN), sale().list().ofMinSize(1).ofMaxSize(30))
                .as(Scenario::new);
    }

    private static Policy policy(List<Function<String, SubsidyRule>> ruleSpecs, List<Function<List<String>, Limit>> limitSpecs,
            List<Function<String, ProviderSubsidyRule>> providerSpecs) {
        List<SubsidyRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleSpecs.size(); i++) {
            rules.add(ruleSpecs.get(i).apply("r" + i));
        }
        List<String> ruleIds = rules.stream().map(SubsidyRule::id).toList();
        List<Limit> limits = new ArrayList<>();
        for (int i = 0; i < limitSpecs.size(); i++) {
            Limit l = limitSpecs.get(i).apply(ruleIds);
            limits.add(new Limit("l" + i, l.window(), l.maxMeals(), l.maxSubsidyFen(), l.rules(), l.mealSlots()));
        }
        List<ProviderSubsidyRule> providers = new ArrayList<>();
        for (int i = 0; i < providerSpecs.size(); i++) {
            providers.add(providerSpecs.get(i).apply("p" + i));
        }
        return new Policy("random", "1", "random", PolicyFixtures.SHANGHAI, LocalDate.of(2024, 1, 1), Optional.empty(),
                PolicyFixtures.FUNDERS, PolicyFixtures.CATEGORIES, PolicyFixtures.SLOTS, rules, limits, providers);
    }

    private static Arbitrary<Function<String, SubsidyRule>> rule() {
        Arbitrary<SubsidyFormula> formula = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 2000).map(SubsidyFormula.Fixed::new),
                Arbitraries.longs().between(0, 1500).map(SubsidyFormula.Copay::new),
                Arbitraries.integers().between(0, 10_000).map(SubsidyFormula.Percent::new));
        Arbitrary<OptionalLong> cap = Arbitraries.oneOf(Arbitraries.just(OptionalLong.empty()),
                Arbitraries.longs().between(0, 1500).map(OptionalLong::of));
        Arbitrary<Optional<LocalDate>> from = Arbitraries.of(Optional.empty(), Optional.of(LocalDate.of(2024, 5, 10)));
        return Combinators.combine(Arbitraries.of("main", "extra", "third"), eligibility(), formula, cap, funding(), from)
                .as((group, eligibility, f, c, parts, start) -> id -> new SubsidyRule(id, id, group, eligibility, f, c, parts,
                        start, Optional.empty()));
    }

    /** Each condition is absent most of the time, so that a fair share of purchases is subsidised. */
    private static Arbitrary<Eligibility> eligibility() {
        Arbitrary<Integer> minAge = mostly(-1, Arbitraries.of(60, 70, 80));
        Arbitrary<Integer> maxAge = mostly(-1, Arbitraries.of(79, 99));
        Arbitrary<List<CategoryMatcher>> any = mostly(List.of(), Arbitraries.of("minimum_living", "disabled:1-2", "low_income")
                .map(CategoryMatcher::parse).list().ofMinSize(1).ofMaxSize(2));
        Arbitrary<Set<String>> slots = mostly(Set.of(), Arbitraries.of(SLOTS).set().ofMinSize(1).ofMaxSize(2));
        Arbitrary<Locality> locality = mostly(Locality.ANYWHERE, Arbitraries.of(Locality.HOME_DISTRICT, Locality.HOME_TOWN));
        Arbitrary<Set<DayOfWeek>> weekdays = mostly(Set.of(),
                Arbitraries.just(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)));
        return Combinators.combine(minAge, maxAge, any, slots, locality, mostly(0L, Arbitraries.just(501L)), weekdays,
                        mostly(Set.<Channel>of(), Arbitraries.just(Set.of(Channel.DINE_IN))))
                .as((min, max, cats, sl, loc, minPrice, days, channels) -> new Eligibility(min, max < min ? -1 : max, cats,
                        List.of(), List.of(), loc, channels, sl, days, minPrice));
    }

    private static <T> Arbitrary<T> mostly(T none, Arbitrary<T> condition) {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(none)), Tuple.of(1, condition));
    }

    private static Arbitrary<List<FundingPart>> funding() {
        Arbitrary<FundingPart> part = Combinators.combine(Arbitraries.of(FUNDERS), Arbitraries.of(FundingPart.Kind.class),
                        Arbitraries.longs().between(0, 800), Arbitraries.integers().between(0, 10_000), Arbitraries.of(Locality.class))
                .as((funder, kind, fixed, bp, onlyIf) -> new FundingPart(funder, kind, kind == FundingPart.Kind.FIXED ? fixed : 0,
                        kind == FundingPart.Kind.PERCENT ? bp : 0, onlyIf));
        return part.list().ofMinSize(1).ofMaxSize(3).map(SubsidyEnginePropertiesTest::atMostOneRest);
    }

    private static List<FundingPart> atMostOneRest(List<FundingPart> parts) {
        List<FundingPart> fixedUp = new ArrayList<>();
        boolean rest = false;
        for (FundingPart p : parts) {
            if (p.kind() == FundingPart.Kind.REST && rest) {
                fixedUp.add(FundingPart.fixed(p.funder(), 100, p.onlyIf()));
            } else {
                fixedUp.add(p);
                rest |= p.kind() == FundingPart.Kind.REST;
            }
        }
        return fixedUp;
    }

    private static Arbitrary<Function<List<String>, Limit>> limit(int ruleCount) {
        Arbitrary<Set<Integer>> ruleIndexes = Arbitraries.integers().between(0, ruleCount - 1).set().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(LimitWindow.class), Arbitraries.of(-1, 0, 1, 2, 3),
                        Arbitraries.of(-1L, 0L, 300L, 1000L, 2500L), ruleIndexes, Arbitraries.of(SLOTS).set().ofMaxSize(2))
                .as((window, meals, fen, indexes, slots) -> ids -> {
                    Set<String> rules = new HashSet<>();
                    indexes.forEach(i -> rules.add(ids.get(i)));
                    int maxMeals = meals == -1 && fen == -1 ? 1 : meals;
                    return new Limit("tmp", window, maxMeals, fen, rules, slots);
                });
    }

    private static Arbitrary<Function<String, ProviderSubsidyRule>> provider() {
        Arbitrary<LimitWindow> window = Arbitraries.of(LimitWindow.class).injectNull(0.3);
        return Combinators.combine(Arbitraries.of(ProviderRole.class), Arbitraries.longs().between(0, 300), Arbitraries.of(true, false),
                        window, Arbitraries.integers().between(1, 2), eligibility())
                .as((role, amount, needsMeal, w, max, eligibility) -> id -> new ProviderSubsidyRule(id, id, role, eligibility, amount,
                        "district", needsMeal, w, max));
    }

    private static Arbitrary<Elder> elder() {
        Arbitrary<List<String>> categories = Arbitraries.of("minimum_living", "disabled:1", "disabled:3", "low_income").list().ofMaxSize(2);
        Arbitrary<Tuple.Tuple2<String, String>> home = Arbitraries.of(
                Tuple.of(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG),
                Tuple.of(PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_XINTANG),
                Tuple.of(PolicyFixtures.TIANHE, PolicyFixtures.TIANHE_SHIPAI));
        return Combinators.combine(Arbitraries.integers().between(55, 105), categories, home)
                .as((age, cats, where) -> ElderBuilder.elder("E").agedOn(age, START.plusDays(20))
                        .categories(cats.toArray(String[]::new)).registered(where.get1(), where.get2()).build());
    }

    private static Arbitrary<Sale> sale() {
        Arbitrary<Integer> permille = Arbitraries.integers().between(0, 999);
        Arbitrary<Integer> outside = Arbitraries.frequency(Tuple.of(20, 0), Tuple.of(1, -1), Tuple.of(1, 1));
        return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(PolicyFixtures.SLOTS), permille, outside,
                        Arbitraries.of(Channel.class), Arbitraries.longs().between(0, 2500), Arbitraries.of(0L, 0L, 300L))
                .as((day, slot, at, side, channel, meal, extra) -> new Sale(saleTime(day, slot, at, side), slot.code(), channel,
                        meal, extra));
    }

    /** Somewhere inside the slot's window, or (side -1 / +1) just before it opens or at its closing time. */
    private static LocalDateTime saleTime(int day, MealSlot slot, int permille, int side) {
        LocalDate date = START.plusDays(day);
        if (side < 0) {
            return date.atTime(slot.start()).minusSeconds(1);
        }
        if (side > 0) {
            return date.atTime(slot.end());
        }
        long windowSeconds = java.time.Duration.between(slot.start(), slot.end()).toSeconds();
        return date.atTime(slot.start()).plusSeconds(windowSeconds * permille / 1000);
    }
}
