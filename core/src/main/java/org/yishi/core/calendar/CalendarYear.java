package org.yishi.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One year of a working-day calendar, as a calendar file gives it ({@code calendars/cn-2026.yaml}): the public
 * holidays (放假, whatever day of the week they fall on) and the make-up working days (调休上班, a Saturday or
 * Sunday that is worked). Every other Monday to Friday is a working day, every other Saturday and Sunday a rest
 * day.
 *
 * @param calendarId   the calendar this year belongs to, e.g. {@code cn}
 * @param year         the year
 * @param holidays     days off, each with the holiday's name (春节)
 * @param makeUpDays   weekend days worked, each with the holiday they make up for
 * @param provisional  true when the official schedule was not known when the file was written (only weekends are
 *                     certain): the loader warns, the engine still uses it
 * @param source       where the dates come from (the State Council notice), for people reading a statement
 */
public record CalendarYear(String calendarId, int year, Map<LocalDate, String> holidays, Map<LocalDate, String> makeUpDays,
        boolean provisional, String source) {

    public CalendarYear {
        Objects.requireNonNull(calendarId, "calendarId");
        holidays = Map.copyOf(holidays);
        makeUpDays = Map.copyOf(makeUpDays);
        source = source == null ? "" : source;
        String where = "calendar " + calendarId + " " + year + ": ";
        for (LocalDate d : holidays.keySet()) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(where + "holiday " + d + " is not in " + year);
            }
            if (makeUpDays.containsKey(d)) {
                throw new IllegalArgumentException(where + d + " is both a holiday and a make-up working day");
            }
        }
        for (LocalDate d : makeUpDays.keySet()) {
            if (d.getYear() != year) {
                throw new IllegalArgumentException(where + "make-up working day " + d + " is not in " + year);
            }
            if (!weekend(d)) {
                throw new IllegalArgumentException(where + "make-up working day " + d + " is a " + d.getDayOfWeek()
                        + ", already a working day");
            }
        }
    }

    /** What {@code day} (in this year) is. */
    DayKind kindOf(LocalDate day) {
        String holiday = holidays.get(day);
        if (holiday != null) {
            return new DayKind.RestDay(day, "holiday " + holiday);
        }
        String makeUp = makeUpDays.get(day);
        if (makeUp != null) {
            return new DayKind.WorkingDay(day, "make-up working day for " + makeUp);
        }
        return weekend(day) ? new DayKind.RestDay(day, "weekend") : new DayKind.WorkingDay(day, "weekday");
    }

    /** The holidays in date order, for listings. */
    public Map<LocalDate, String> holidaysInOrder() {
        return new TreeMap<>(holidays);
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
