package org.yishi.core.subsidy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.CategoryCondition;
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
import org.yishi.core.time.ServingWindow;

/**
 * Random but reproducible engine inputs: everything comes from one {@link Random} seeded by the caller, so a failing
 * seed is a test case. Policies with rules in stacking groups, funding parts bound to locality, limits and provider
 * subsidies; elders of every age, category and home; purchases over seven weeks and a month boundary, a few of them
 * just outside their meal window. Conditions are absent most of the time so that a fair share is subsidised.
 */
final class EngineScenarios {

    static final LocalDate START = LocalDate.of(2024, 4, 22);
    static final List<String> SLOTS = List.of("breakfast", "lunch", "dinner");
    static final List<String> FUNDERS = List.of("city", "district", "town", "welfare_lottery");
    static final List<Canteen> CANTEENS = List.of(QuoteFixtures.LICHENG_CANTEEN, QuoteFixtures.XINTANG_CANTEEN,
            QuoteFixtures.TIANHE_CANTEEN);

    /** One sale to ring up; {@code side} -1 is a second before its slot opens, +1 its closing time, 0 inside. */
    record Sale(LocalDateTime time, String slot, int side, Channel channel, long mealFen, long extraFen) {
        boolean insideWindow() {
            return side == 0;
        }

        Purchase purchase(Canteen canteen) {
            PurchaseBuilder b = PurchaseBuilder.at(time).slot(slot).canteen(canteen).meal(mealFen);
            if (extraFen > 0) {
                b.extra(extraFen);
            }
            if (channel == Channel.DELIVERY) {
                b.delivery();
            }
            return b.build();
        }
    }

    /** A policy, one elder, where they eat, and their sales in time order. */
    record Scenario(long seed, Policy policy, Elder elder, Canteen canteen, List<Sale> sales) {
        @Override
        public String toString() {
            return "scenario of seed " + seed;
        }
    }

    private final Random random;

    private EngineScenarios(long seed) {
        this.random = new Random(seed);
    }

    /** Anything the policy model allows: 1–5 rules in up to 3 groups, up to 3 limits and 2 provider subsidies. */
    static Scenario anyPolicy(long seed) {
        EngineScenarios g = new EngineScenarios(seed);
        int ruleCount = g.between(1, 5);
        List<SubsidyRule> rules = new ArrayList<>();
        for (int i = 0; i < ruleCount; i++) {
            rules.add(g.rule("r" + i, g.oneOf(List.of("main", "extra", "third"))));
        }
        List<Limit> limits = new ArrayList<>();
        for (int i = 0, n = g.between(0, 3); i < n; i++) {
            limits.add(g.limit("l" + i, rules));
        }
        List<ProviderSubsidyRule> providers = new ArrayList<>();
        for (int i = 0, n = g.between(0, 2); i < n; i++) {
            providers.add(g.provider("p" + i));
        }
        return new Scenario(seed, policy(rules, limits, providers), g.elder(), g.oneOf(CANTEENS), g.sales(1, 30));
    }

    /** Only tiers: 2–5 rules all in one group, no limits and no provider subsidies. */
    static Scenario tiersOfOneGroup(long seed) {
        EngineScenarios g = new EngineScenarios(seed);
        List<SubsidyRule> rules = new ArrayList<>();
        for (int i = 0, n = g.between(2, 5); i < n; i++) {
            rules.add(g.rule("tier" + i, "main"));
        }
        return new Scenario(seed, policy(rules, List.of(), List.of()), g.elder(), g.oneOf(CANTEENS), g.sales(1, 10));
    }

    static Policy policy(List<SubsidyRule> rules, List<Limit> limits, List<ProviderSubsidyRule> providers) {
        return new Policy("random", "1", "random", PolicyFixtures.SHANGHAI, LocalDate.of(2024, 1, 1), Optional.empty(),
                PolicyFixtures.FUNDERS, PolicyFixtures.CATEGORIES, PolicyFixtures.SLOTS, rules, limits, providers);
    }

    // ---- parts, for the tests that build their own policies ----

    static EngineScenarios seeded(long seed) {
        return new EngineScenarios(seed);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    long between(long min, long max) {
        return random.nextLong(min, max + 1); // whole fen: no floating point between the seed and an amount
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** {@code none} four times in five, otherwise {@code condition}. */
    private <T> T mostly(T none, Supplier<T> condition) {
        return random.nextInt(5) < 4 ? none : condition.get();
    }

    SubsidyFormula formula() {
        return switch (random.nextInt(3)) {
            case 0 -> new SubsidyFormula.Fixed(between(0L, 2000L));
            case 1 -> new SubsidyFormula.Copay(between(0L, 1500L));
            default -> new SubsidyFormula.Percent(between(0, 10_000));
        };
    }

    OptionalLong cap() {
        return random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(between(0L, 1500L));
    }

    private SubsidyRule rule(String id, String group) {
        Optional<LocalDate> from = random.nextInt(4) == 0 ? Optional.of(LocalDate.of(2024, 5, 10)) : Optional.empty();
        return new SubsidyRule(id, id, group, eligibility(), formula(), cap(), funding(), from, Optional.empty());
    }

    private Eligibility eligibility() {
        int minAge = mostly(-1, () -> oneOf(List.of(60, 70, 80)));
        int maxAge = mostly(-1, () -> oneOf(List.of(79, 99)));
        List<CategoryMatcher> any = mostly(List.of(), () -> {
            List<CategoryMatcher> m = new ArrayList<>();
            for (int i = 0, n = between(1, 2); i < n; i++) {
                m.add(CategoryMatcher.parse(oneOf(List.of("minimum_living", "disabled:1-2", "low_income"))));
            }
            return m;
        });
        Set<String> slots = mostly(Set.of(), () -> Set.copyOf(subset(SLOTS, 1, 2)));
        Locality locality = mostly(Locality.ANYWHERE, () -> oneOf(List.of(Locality.HOME_DISTRICT, Locality.HOME_TOWN)));
        long minPrice = mostly(0L, () -> 501L);
        Set<DayOfWeek> weekdays = mostly(Set.of(), () -> Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
        Set<Channel> channels = mostly(Set.of(), () -> Set.of(Channel.DINE_IN));
        return new Eligibility(minAge, maxAge < minAge ? -1 : maxAge, CategoryCondition.of(any, List.of()), List.of(), locality, channels,
                slots, weekdays, minPrice);
    }

    /** 1–3 parts of any kind and locality, at most one of them taking the rest. */
    private List<FundingPart> funding() {
        List<FundingPart> parts = new ArrayList<>();
        boolean rest = false;
        for (int i = 0, n = between(1, 3); i < n; i++) {
            String funder = oneOf(FUNDERS);
            Locality onlyIf = oneOf(List.of(Locality.values()));
            FundingPart.Kind kind = oneOf(List.of(FundingPart.Kind.values()));
            if (kind == FundingPart.Kind.REST && rest) {
                kind = FundingPart.Kind.FIXED;
            }
            rest |= kind == FundingPart.Kind.REST;
            parts.add(switch (kind) {
                case FIXED -> FundingPart.fixed(funder, between(0L, 800L), onlyIf);
                case PERCENT -> FundingPart.percent(funder, between(0, 10_000), onlyIf);
                case REST -> FundingPart.rest(funder, onlyIf);
            });
        }
        return parts;
    }

    private Limit limit(String id, List<SubsidyRule> rules) {
        int meals = oneOf(List.of(-1, 0, 1, 2, 3));
        long fen = oneOf(List.of(-1L, 0L, 300L, 1000L, 2500L));
        Set<String> ruleIds = new HashSet<>();
        for (SubsidyRule r : subset(rules, 0, 2)) {
            ruleIds.add(r.id());
        }
        return new Limit(id, oneOf(List.of(LimitWindow.values())), meals == -1 && fen == -1 ? 1 : meals, fen, ruleIds,
                Set.copyOf(subset(SLOTS, 0, 2)));
    }

    private ProviderSubsidyRule provider(String id) {
        LimitWindow window = random.nextInt(10) < 3 ? null : oneOf(List.of(LimitWindow.values()));
        return new ProviderSubsidyRule(id, id, oneOf(List.of(ProviderRole.values())), eligibility(), between(0L, 300L),
                "district", random.nextBoolean(), window, between(1, 2));
    }

    Elder elder() {
        List<String> categories = subset(List.of("minimum_living", "disabled:1", "disabled:3", "low_income"), 0, 2);
        String[][] homes = {
                {PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_LICHENG},
                {PolicyFixtures.ZENGCHENG, PolicyFixtures.ZENGCHENG_XINTANG},
                {PolicyFixtures.TIANHE, PolicyFixtures.TIANHE_SHIPAI}};
        String[] home = homes[random.nextInt(homes.length)];
        return ElderBuilder.elder("E").agedOn(between(55, 105), START.plusDays(20))
                .categories(categories.toArray(String[]::new)).registered(home[0], home[1]).build();
    }

    /** {@code min}–{@code max} sales in time order, about one in eleven just outside its meal window. */
    List<Sale> sales(int min, int max) {
        List<Sale> sales = new ArrayList<>();
        for (int i = 0, n = between(min, max); i < n; i++) {
            int pick = random.nextInt(22);
            int side = pick == 0 ? -1 : pick == 1 ? 1 : 0;
            sales.add(sale(side));
        }
        sales.sort(Comparator.comparing(Sale::time));
        return sales;
    }

    /** A dine-in sale inside its meal window, on one of the 50 days from {@link #START}. */
    Sale saleInsideAWindow() {
        Sale s = sale(0);
        return new Sale(s.time(), s.slot(), 0, Channel.DINE_IN, s.mealFen(), s.extraFen());
    }

    private Sale sale(int side) {
        MealSlot meal = oneOf(PolicyFixtures.SLOTS);
        String slotCode = meal.code();
        ServingWindow slot = meal.window().orElseThrow();
        LocalDate date = START.plusDays(between(0, 50));
        LocalDateTime time;
        if (side < 0) {
            time = date.atTime(slot.start()).minusSeconds(1);
        } else if (side > 0) {
            time = date.atTime(slot.end());
        } else {
            long windowSeconds = Duration.between(slot.start(), slot.end()).toSeconds();
            time = date.atTime(slot.start()).plusSeconds(windowSeconds * between(0, 999) / 1000);
        }
        return new Sale(time, slotCode, side, oneOf(List.of(Channel.values())), between(0L, 2500L),
                oneOf(List.of(0L, 0L, 300L)));
    }

    private <T> List<T> subset(List<T> from, int min, int max) {
        List<T> pool = new ArrayList<>(from);
        List<T> picked = new ArrayList<>();
        for (int i = 0, n = Math.min(between(min, max), pool.size()); i < n; i++) {
            picked.add(pool.remove(random.nextInt(pool.size())));
        }
        return picked;
    }
}
