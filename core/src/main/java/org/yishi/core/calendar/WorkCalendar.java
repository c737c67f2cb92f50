package org.yishi.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A working-day calendar: the loaded years of one calendar id ({@code cn}), each from its own file. Immutable. A day
 * in a year that is not loaded is {@link DayKind.Unknown}, never assumed to be a working day.
 *
 * @param id    calendar id, e.g. cn; empty for {@link #NONE}
 * @param years the loaded years, at most one per year
 */
public record WorkCalendar(String id, List<CalendarYear> years) {

    /** No calendar: every day is {@link DayKind.Unknown}. What a policy that names no calendar has. */
    public static final WorkCalendar NONE = new WorkCalendar("", List.of());

    public WorkCalendar {
        Objects.requireNonNull(id, "id");
        years = years.stream().sorted((a, b) -> Integer.compare(a.year(), b.year())).toList();
        Map<Integer, CalendarYear> seen = new HashMap<>();
        for (CalendarYear y : years) {
            if (!y.calendarId().equals(id)) {
                throw new IllegalArgumentException("calendar " + id + ": year " + y.year() + " belongs to calendar " + y.calendarId());
            }
            if (seen.put(y.year(), y) != null) {
                throw new IllegalArgumentException("calendar " + id + ": year " + y.year() + " given twice");
            }
        }
    }

    /** What {@code day} is. */
    public DayKind kindOf(LocalDate day) {
        for (int i = 0; i < years.size(); i++) {
            if (years.get(i).year() == day.getYear()) {
                return years.get(i).kindOf(day);
            }
        }
        return new DayKind.Unknown(day, id.isEmpty()
                ? "the policy names no working-day calendar"
                : "no " + id + " calendar for " + day.getYear() + " is loaded (loaded: " + loadedYears() + ")");
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** The loaded years, e.g. [2026, 2027]. */
    public List<Integer> loadedYears() {
        List<Integer> out = new ArrayList<>();
        for (CalendarYear y : years) {
            out.add(y.year());
        }
        return out;
    }
}
