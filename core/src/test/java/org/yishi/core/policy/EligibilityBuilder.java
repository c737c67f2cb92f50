package org.yishi.core.policy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fluent conditions shared by {@link RuleBuilder} and {@link ProviderRuleBuilder}: everything starts as
 * "no condition" ({@link Eligibility#EVERYONE}) and each call adds one.
 *
 * @param <SELF> the concrete builder, so chains keep their type
 */
public abstract class EligibilityBuilder<SELF extends EligibilityBuilder<SELF>> {

    private int minAge = -1;
    private int maxAge = -1;
    private final List<CategoryMatcher> anyCategory = new ArrayList<>();
    private final List<CategoryMatcher> noCategory = new ArrayList<>();
    private final List<CategoryCondition> allCategory = new ArrayList<>();
    private final List<String> registeredIn = new ArrayList<>();
    private Locality locality = Locality.ANYWHERE;
    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private final Set<String> mealSlots = new LinkedHashSet<>();
    private final Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
    private long minPriceFen;

    @SuppressWarnings("unchecked")
    private SELF self() {
        return (SELF) this;
    }

    /** Age band in completed years, both ends inclusive; -1 for an open end. */
    public SELF ages(int min, int max) {
        this.minAge = min;
        this.maxAge = max;
        return self();
    }

    public SELF minAge(int min) {
        this.minAge = min;
        return self();
    }

    public SELF maxAge(int max) {
        this.maxAge = max;
        return self();
    }

    /** Category conditions as written in policy files: {@code minimum_living}, {@code disabled:1-2}. */
    public SELF anyCategory(String... matchers) {
        for (String m : matchers) {
            anyCategory.add(CategoryMatcher.parse(m));
        }
        return self();
    }

    public SELF noCategory(String... matchers) {
        for (String m : matchers) {
            noCategory.add(CategoryMatcher.parse(m));
        }
        return self();
    }

    /** Every one of these must hold: plain matchers or nested {@link CategoryCondition}s ({@code all:} in a file). */
    public SELF allCategory(String... matchers) {
        for (String m : matchers) {
            allCategory.add(CategoryMatcher.parse(m));
        }
        return self();
    }

    public SELF allCategory(CategoryCondition... conditions) {
        allCategory.addAll(List.of(conditions));
        return self();
    }

    /** District-code prefixes, e.g. {@code 4401} (Guangzhou) or {@code 440118} (Zengcheng). */
    public SELF registeredIn(String... prefixes) {
        registeredIn.addAll(List.of(prefixes));
        return self();
    }

    public SELF locality(Locality locality) {
        this.locality = locality;
        return self();
    }

    public SELF channels(Channel... channels) {
        this.channels.addAll(List.of(channels));
        return self();
    }

    public SELF slots(String... slots) {
        mealSlots.addAll(List.of(slots));
        return self();
    }

    public SELF weekdays(DayOfWeek... days) {
        weekdays.addAll(List.of(days));
        return self();
    }

    public SELF workdays() {
        return weekdays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    public SELF minPrice(long fen) {
        this.minPriceFen = fen;
        return self();
    }

    protected Eligibility eligibility() {
        return new Eligibility(minAge, maxAge, categories(), registeredIn, locality, channels, mealSlots,
                weekdays, minPriceFen);
    }

    /** In the order a file's keys are read: any, all, none. */
    private CategoryCondition categories() {
        List<CategoryCondition> parts = new ArrayList<>();
        if (!anyCategory.isEmpty()) {
            parts.add(new CategoryCondition.AnyOf(List.copyOf(anyCategory)));
        }
        if (!allCategory.isEmpty()) {
            parts.add(new CategoryCondition.AllOf(allCategory));
        }
        if (!noCategory.isEmpty()) {
            parts.add(new CategoryCondition.NoneOf(List.copyOf(noCategory)));
        }
        return parts.isEmpty() ? CategoryCondition.EVERYONE : new CategoryCondition.AllOf(parts);
    }
}
