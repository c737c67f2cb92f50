package org.yishi.core.policy;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who and what a rule applies to. Every condition must hold; an empty set or list means "no condition".
 *
 * @param minAge          lowest age in completed years, inclusive, or -1 for none
 * @param maxAge          highest age, inclusive, or -1 for none
 * @param anyCategory     the elder has at least one of these (empty: no requirement)
 * @param noCategory      the elder has none of these
 * @param registeredIn    the elder's registered district code starts with one of these prefixes (4401 = Guangzhou)
 * @param locality        where the canteen must be relative to the elder's registration
 * @param channels        dine-in / delivery
 * @param mealSlots       meal-slot codes
 * @param weekdays        days of the week
 * @param minPriceFen     the eligible price must be at least this (Beijing: only meals over ¥5 → 501), 0 for none
 * @param residesIn       the district code the elder lives in (常住; his registered one when the registry gives none)
 *                        starts with one of these prefixes
 * @param days            working days / rest days of the policy's calendar, or ANY
 */
public record Eligibility(
        int minAge,
        int maxAge,
        List<CategoryMatcher> anyCategory,
        List<CategoryMatcher> noCategory,
        List<String> registeredIn,
        Locality locality,
        Set<Channel> channels,
        Set<String> mealSlots,
        Set<DayOfWeek> weekdays,
        long minPriceFen,
        List<String> residesIn,
        CalendarDays days) {

    public static final Eligibility EVERYONE = new Eligibility(-1, -1, List.of(), List.of(), List.of(),
            Locality.ANYWHERE, Set.of(), Set.of(), Set.of(), 0);

    /** Conditions without residence or calendar days. */
    public Eligibility(int minAge, int maxAge, List<CategoryMatcher> anyCategory, List<CategoryMatcher> noCategory,
            List<String> registeredIn, Locality locality, Set<Channel> channels, Set<String> mealSlots, Set<DayOfWeek> weekdays,
            long minPriceFen) {
        this(minAge, maxAge, anyCategory, noCategory, registeredIn, locality, channels, mealSlots, weekdays, minPriceFen,
                List.of(), CalendarDays.ANY);
    }

    public Eligibility {
        anyCategory = List.copyOf(anyCategory);
        noCategory = List.copyOf(noCategory);
        registeredIn = List.copyOf(registeredIn);
        Objects.requireNonNull(locality, "locality");
        channels = Set.copyOf(channels);
        mealSlots = Set.copyOf(mealSlots);
        weekdays = Set.copyOf(weekdays);
        residesIn = List.copyOf(residesIn);
        Objects.requireNonNull(days, "days");
        if (minAge >= 0 && maxAge >= 0 && minAge > maxAge) {
            throw new IllegalArgumentException("min_age " + minAge + " is above max_age " + maxAge);
        }
        if (minPriceFen < 0) {
            throw new IllegalArgumentException("min_price must not be negative: " + minPriceFen);
        }
    }
}
