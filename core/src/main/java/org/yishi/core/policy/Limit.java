package org.yishi.core.policy;

import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Set;

/**
 * A cap on an elder's subsidised meals or subsidy amount within a window. It counts the elder's earlier
 * purchases that were subsidised by one of {@code rules} (all meal rules of the policy when empty) in one
 * of {@code mealSlots} (all when empty).
 *
 * @param id              unique within the policy
 * @param window          meal slot / day / week / month
 * @param maxMeals        most subsidised meals in the window, or -1 for no count limit
 * @param maxSubsidyFen   most subsidy in the window, or -1 for no amount limit; a purchase that would pass it
 *                        gets only what is left
 * @param rules           rule ids it counts and restricts
 * @param mealSlots       meal slots it counts and restricts
 * @param weekdays        days of the week it counts and restricts (all when empty)
 * @param days            working days / rest days of the policy's calendar it counts and restricts (ANY: all); a day
 *                        no loaded calendar year covers is counted and restricted (a limit never lets more through
 *                        because a calendar is missing)
 */
public record Limit(String id, LimitWindow window, int maxMeals, long maxSubsidyFen, Set<String> rules, Set<String> mealSlots,
        Set<DayOfWeek> weekdays, CalendarDays days) {

    /** A limit over every day. */
    public Limit(String id, LimitWindow window, int maxMeals, long maxSubsidyFen, Set<String> rules, Set<String> mealSlots) {
        this(id, window, maxMeals, maxSubsidyFen, rules, mealSlots, Set.of(), CalendarDays.ANY);
    }

    public Limit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(window, "window");
        rules = Set.copyOf(rules);
        mealSlots = Set.copyOf(mealSlots);
        weekdays = Set.copyOf(weekdays);
        Objects.requireNonNull(days, "days");
        if (maxMeals < -1 || maxSubsidyFen < -1 || (maxMeals == -1 && maxSubsidyFen == -1)) {
            throw new IllegalArgumentException("limit " + id + ": needs max_meals and/or max_subsidy, neither negative");
        }
    }
}
