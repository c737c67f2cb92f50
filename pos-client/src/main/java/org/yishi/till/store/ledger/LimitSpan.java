package org.yishi.till.store.ledger;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The local-time span [{@code from}, {@code to}) of every limit window that can hold a day — its ISO week and its
 * calendar month (which hold its day and meal slots). A purchase on that day is limited by what lies in the span, so
 * the history the engine is given is exactly the span's purchases, this till's and other tills'.
 */
public record LimitSpan(LocalDateTime from, LocalDateTime to) {

    public static LimitSpan around(LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate weekStart = day.with(DayOfWeek.MONDAY);
        LocalDate from = monthStart.isBefore(weekStart) ? monthStart : weekStart;
        LocalDate monthEnd = monthStart.plusMonths(1);
        LocalDate weekEnd = weekStart.plusWeeks(1);
        LocalDate to = monthEnd.isAfter(weekEnd) ? monthEnd : weekEnd;
        return new LimitSpan(from.atStartOfDay(), to.atStartOfDay());
    }
}
