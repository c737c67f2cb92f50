package org.yishi.core.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yishi.core.calendar.WorkCalendar;

/**
 * One version of a subsidy policy, as loaded from a policy file. Immutable; the engine is a pure function of
 * it. Structural consistency (every referenced funder, category, slot and rule exists; windows do not
 * overlap) is checked here as a last line of defence; the loader reports the same problems with file and line.
 *
 * @param id            stable id, e.g. guangzhou-zengcheng
 * @param version       version label, e.g. 2020.1
 * @param name          display name
 * @param zone          time zone that meal windows, days and months are counted in
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, if known
 * @param appliesAt     district-code prefixes of the canteens where the policy applies (4401 = every Guangzhou
 *                      canteen, 440118 = Zengcheng's); empty = wherever it is installed
 * @param calendar      the working-day calendar ({@code calendar: cn} in the file, with the years loaded from
 *                      {@code calendars/cn-YYYY.yaml}) that {@code days: working_days} is counted in;
 *                      {@link WorkCalendar#NONE} when the policy names none (then nothing may ask for working days)
 */
public record Policy(
        String id,
        String version,
        String name,
        ZoneId zone,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveTo,
        List<Funder> funders,
        List<CategoryDefinition> categories,
        List<MealSlot> mealSlots,
        List<SubsidyRule> rules,
        List<Limit> limits,
        List<ProviderSubsidyRule> providerSubsidies,
        List<String> appliesAt,
        WorkCalendar calendar) {

    /** A policy without a working-day calendar. */
    public Policy(String id, String version, String name, ZoneId zone, LocalDate effectiveFrom,
            Optional<LocalDate> effectiveTo, List<Funder> funders, List<CategoryDefinition> categories,
            List<MealSlot> mealSlots, List<SubsidyRule> rules, List<Limit> limits,
            List<ProviderSubsidyRule> providerSubsidies, List<String> appliesAt) {
        this(id, version, name, zone, effectiveFrom, effectiveTo, funders, categories, mealSlots, rules, limits,
                providerSubsidies, appliesAt, WorkCalendar.NONE);
    }

    /** A policy without a territory: it applies wherever it is installed. */
    public Policy(String id, String version, String name, ZoneId zone, LocalDate effectiveFrom,
            Optional<LocalDate> effectiveTo, List<Funder> funders, List<CategoryDefinition> categories,
            List<MealSlot> mealSlots, List<SubsidyRule> rules, List<Limit> limits,
            List<ProviderSubsidyRule> providerSubsidies) {
        this(id, version, name, zone, effectiveFrom, effectiveTo, funders, categories, mealSlots, rules, limits,
                providerSubsidies, List.of());
    }

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        funders = List.copyOf(funders);
        categories = List.copyOf(categories);
        mealSlots = List.copyOf(mealSlots);
        rules = List.copyOf(rules);
        limits = List.copyOf(limits);
        providerSubsidies = List.copyOf(providerSubsidies);
        appliesAt = List.copyOf(appliesAt);
        for (String prefix : appliesAt) {
            if (!prefix.matches("\\d{2,12}")) {
                throw new IllegalArgumentException("policy " + id + ": applies_at must be district-code prefixes of 2-12 digits: " + prefix);
            }
        }
        Objects.requireNonNull(calendar, "calendar");
        checkConsistency(id, effectiveFrom, effectiveTo, funders, categories, mealSlots, rules, limits, providerSubsidies);
        if (calendar.id().isEmpty() && usesCalendarDays(rules, limits, providerSubsidies)) {
            throw new IllegalArgumentException("policy " + id + ": working_days / rest_days need a working-day calendar (calendar: cn)");
        }
    }

    private static boolean usesCalendarDays(List<SubsidyRule> rules, List<Limit> limits, List<ProviderSubsidyRule> providers) {
        return rules.stream().anyMatch(r -> r.eligibility().days() != CalendarDays.ANY)
                || limits.stream().anyMatch(l -> l.days() != CalendarDays.ANY)
                || providers.stream().anyMatch(p -> p.eligibility().days() != CalendarDays.ANY);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && effectiveTo.map(t -> !day.isAfter(t)).orElse(true);
    }

    /** Whether the policy covers a canteen in {@code district} (a GB/T 2260 district code). */
    public boolean appliesAt(String district) {
        if (appliesAt.isEmpty()) {
            return true;
        }
        for (String prefix : appliesAt) {
            if (district.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public Optional<MealSlot> mealSlot(String code) {
        return mealSlots.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Funder> funder(String code) {
        return funders.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    private static void checkConsistency(String id, LocalDate from, Optional<LocalDate> to, List<Funder> funders,
            List<CategoryDefinition> categories, List<MealSlot> slots, List<SubsidyRule> rules, List<Limit> limits,
            List<ProviderSubsidyRule> providers) {
        String where = "policy " + id + ": ";
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new IllegalArgumentException(where + "effective_to " + to.get() + " is before effective_from " + from);
        }
        Set<String> funderCodes = unique(where + "funder", funders.stream().map(Funder::code).toList());
        Set<String> categoryCodes = unique(where + "category", categories.stream().map(CategoryDefinition::code).toList());
        Set<String> slotCodes = unique(where + "meal slot", slots.stream().map(MealSlot::code).toList());
        Set<String> ruleIds = unique(where + "rule", rules.stream().map(SubsidyRule::id).toList());
        unique(where + "limit", limits.stream().map(Limit::id).toList());
        unique(where + "provider subsidy", providers.stream().map(ProviderSubsidyRule::id).toList());
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i + 1; j < slots.size(); j++) {
                if (slots.get(i).overlaps(slots.get(j))) {
                    throw new IllegalArgumentException(where + "meal windows overlap: " + slots.get(i).code() + " and " + slots.get(j).code());
                }
            }
        }
        for (SubsidyRule r : rules) {
            checkEligibility(where + "rule " + r.id() + ": ", r.eligibility(), categoryCodes, slotCodes);
            for (FundingPart p : r.funding()) {
                if (!funderCodes.contains(p.funder())) {
                    throw new IllegalArgumentException(where + "rule " + r.id() + ": unknown funder " + p.funder());
                }
            }
        }
        for (Limit l : limits) {
            for (String r : l.rules()) {
                if (!ruleIds.contains(r)) {
                    throw new IllegalArgumentException(where + "limit " + l.id() + ": unknown rule " + r);
                }
            }
            for (String s : l.mealSlots()) {
                if (!slotCodes.contains(s)) {
                    throw new IllegalArgumentException(where + "limit " + l.id() + ": unknown meal slot " + s);
                }
            }
        }
        for (ProviderSubsidyRule p : providers) {
            checkEligibility(where + "provider subsidy " + p.id() + ": ", p.eligibility(), categoryCodes, slotCodes);
            if (!funderCodes.contains(p.funder())) {
                throw new IllegalArgumentException(where + "provider subsidy " + p.id() + ": unknown funder " + p.funder());
            }
        }
    }

    private static void checkEligibility(String where, Eligibility e, Set<String> categories, Set<String> slots) {
        for (CategoryMatcher m : e.categories().matchers()) {
            if (!categories.contains(m.code())) {
                throw new IllegalArgumentException(where + "unknown category " + m.code());
            }
        }
        for (String s : e.mealSlots()) {
            if (!slots.contains(s)) {
                throw new IllegalArgumentException(where + "unknown meal slot " + s);
            }
        }
    }

    private static Set<String> unique(String what, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String c : codes) {
            if (!seen.add(c)) {
                throw new IllegalArgumentException(what + " defined twice: " + c);
            }
        }
        return seen;
    }
}
