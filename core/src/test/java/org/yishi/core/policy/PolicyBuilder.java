package org.yishi.core.policy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link Policy} for tests. Starts with what most tests need and nothing more: zone Asia/Shanghai,
 * in force from 2020-01-01 without end, the funders of {@link PolicyFixtures#FUNDERS}, the categories of
 * {@link PolicyFixtures#CATEGORIES}, and the meal slots of {@link PolicyFixtures#SLOTS} (breakfast
 * 07:00–09:00, lunch 10:30–13:30, dinner 16:30–19:00). Rules, limits and provider subsidies are added
 * in the order given, which is the order the engine sees.
 */
public final class PolicyBuilder {

    private final String id;
    private String version = "test.1";
    private String name;
    private ZoneId zone = PolicyFixtures.SHANGHAI;
    private LocalDate from = LocalDate.of(2020, 1, 1);
    private Optional<LocalDate> to = Optional.empty();
    private List<Funder> funders = PolicyFixtures.FUNDERS;
    private List<CategoryDefinition> categories = PolicyFixtures.CATEGORIES;
    private List<MealSlot> slots = PolicyFixtures.SLOTS;
    private final List<SubsidyRule> rules = new ArrayList<>();
    private final List<Limit> limits = new ArrayList<>();
    private final List<ProviderSubsidyRule> providers = new ArrayList<>();
    private List<String> appliesAt = List.of();

    private PolicyBuilder(String id) {
        this.id = id;
        this.name = id;
    }

    public static PolicyBuilder policy(String id) {
        return new PolicyBuilder(id);
    }

    /** District-code prefixes of the canteens the policy covers. */
    public PolicyBuilder appliesAt(String... districtPrefixes) {
        this.appliesAt = List.of(districtPrefixes);
        return this;
    }

    public PolicyBuilder version(String version) {
        this.version = version;
        return this;
    }

    public PolicyBuilder name(String name) {
        this.name = name;
        return this;
    }

    public PolicyBuilder zone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
        return this;
    }

    /** Effective dates as ISO days; {@code toDay} null for "until replaced". */
    public PolicyBuilder effective(String fromDay, String toDay) {
        this.from = LocalDate.parse(fromDay);
        this.to = Optional.ofNullable(toDay).map(LocalDate::parse);
        return this;
    }

    public PolicyBuilder funders(Funder... funders) {
        this.funders = List.of(funders);
        return this;
    }

    public PolicyBuilder categories(CategoryDefinition... categories) {
        this.categories = List.of(categories);
        return this;
    }

    public PolicyBuilder slots(MealSlot... slots) {
        this.slots = List.of(slots);
        return this;
    }

    public static MealSlot slot(String code, String name, String start, String end) {
        return new MealSlot(code, name, LocalTime.parse(start), LocalTime.parse(end));
    }

    public PolicyBuilder rule(RuleBuilder rule) {
        rules.add(rule.build());
        return this;
    }

    public PolicyBuilder rule(SubsidyRule rule) {
        rules.add(rule);
        return this;
    }

    public PolicyBuilder limit(LimitBuilder limit) {
        limits.add(limit.build());
        return this;
    }

    public PolicyBuilder limit(Limit limit) {
        limits.add(limit);
        return this;
    }

    public PolicyBuilder provider(ProviderRuleBuilder provider) {
        providers.add(provider.build());
        return this;
    }

    public Policy build() {
        return new Policy(id, version, name, zone, from, to, funders, categories, slots, rules, limits, providers, appliesAt);
    }
}
