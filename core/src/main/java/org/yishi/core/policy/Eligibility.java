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
 * @param categories      what the elder's registry categories must meet ({@link CategoryCondition#EVERYONE}: nothing)
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
        CategoryCondition categories,
        List<String> registeredIn,
        Locality locality,
        Set<Channel> channels,
        Set<String> mealSlots,
        Set<DayOfWeek> weekdays,
        long minPriceFen,
        List<String> residesIn,
        CalendarDays days) {

    public static final Eligibility EVERYONE = new Eligibility(-1, -1, CategoryCondition.EVERYONE, List.of(),
            Locality.ANYWHERE, Set.of(), Set.of(), Set.of(), 0);

    /** Conditions without residence or calendar days. */
    public Eligibility(int minAge, int maxAge, CategoryCondition categories, List<String> registeredIn, Locality locality,
            Set<Channel> channels, Set<String> mealSlots, Set<DayOfWeek> weekdays, long minPriceFen) {
        this(minAge, maxAge, categories, registeredIn, locality, channels, mealSlots, weekdays, minPriceFen,
                List.of(), CalendarDays.ANY);
    }

    public Eligibility {
        Objects.requireNonNull(categories, "categories");
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
