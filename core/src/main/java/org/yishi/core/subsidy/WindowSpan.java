package org.yishi.core.subsidy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import org.yishi.core.policy.LimitWindow;

/**
 * The concrete period of a {@link LimitWindow} that contains a purchase: its days [start, end) and, for a
 * meal-slot window, the slot. Times are local in the policy's zone (purchases and history carry local time),
 * so no zone arithmetic is needed and a day is always the calendar day on the canteen wall clock.
 *
 * @param mealSlot the slot for a MEAL_SLOT window, null otherwise
 */
record WindowSpan(LimitWindow window, LocalDate start, LocalDate end, String mealSlot) {

    static WindowSpan containing(LimitWindow window, LocalDate day, String mealSlot) {
        return switch (window) {
            case MEAL_SLOT -> new WindowSpan(window, day, day.plusDays(1), mealSlot);
            case DAY -> new WindowSpan(window, day, day.plusDays(1), null);
            case WEEK -> {
                LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
                yield new WindowSpan(window, monday, monday.plusDays(7), null);
            }
            case MONTH -> {
                LocalDate first = day.withDayOfMonth(1);
                yield new WindowSpan(window, first, first.plusMonths(1), null);
            }
        };
    }

    boolean contains(LocalDateTime time, String slot) {
        LocalDate d = time.toLocalDate();
        return !d.isBefore(start) && d.isBefore(end) && (mealSlot == null || mealSlot.equals(slot));
    }

    /** How staff read it in a refusal: "MEAL_SLOT 2024-05-06 lunch", "DAY 2024-05-06", "WEEK 2024-W19", "MONTH 2024-05". */
    String label() {
        return switch (window) {
            case MEAL_SLOT -> "MEAL_SLOT " + start + " " + mealSlot;
            case DAY -> "DAY " + start;
            case WEEK -> String.format("WEEK %d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "MONTH " + start.toString().substring(0, 7);
        };
    }
}
