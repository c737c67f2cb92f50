package org.yishi.config.calendar;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.yishi.config.yaml.Problem;
import org.yishi.core.calendar.WorkCalendar;

/**
 * The working-day calendars loaded from a directory ({@code calendars/cn-2026.yaml}, {@code cn-2027.yaml}, …), by id.
 * A file with problems is left out (its problems listed here) and every good file is kept: a broken 2027 file does
 * not stop 2026. Days of a year that is not loaded are unknown to the engine, never working days.
 *
 * @param calendars the calendars by id, each with its loaded years
 * @param problems  why files were left out, compiler style
 * @param warnings  files loaded with a caveat: provisional years (their holidays not yet published)
 */
public record CalendarLibrary(Map<String, WorkCalendar> calendars, List<Problem> problems, List<Problem> warnings) {

    /** No calendars at all. */
    public static final CalendarLibrary EMPTY = new CalendarLibrary(Map.of(), List.of(), List.of());

    public CalendarLibrary {
        calendars = Map.copyOf(calendars);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public Optional<WorkCalendar> calendar(String id) {
        return Optional.ofNullable(calendars.get(id));
    }

    /** The ids, sorted, for messages. */
    public List<String> ids() {
        return List.copyOf(new TreeMap<>(calendars).keySet());
    }
}
