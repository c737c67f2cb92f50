package org.yishi.config.calendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.calendar.CalendarYear;

/**
 * Reads one composed calendar document ({@code docs/policy-format.md}, "Working-day calendars") into a
 * {@link CalendarYear}, reporting every problem with its position. One instance per file.
 */
final class CalendarFileReader {

    static final List<String> KEYS = List.of("calendar", "year", "status", "source", "holidays", "make_up_working_days");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final List<String> HOLIDAY_KEYS = List.of("name", "from", "to");
    private static final List<String> MAKE_UP_KEYS = List.of("date", "for");
    private static final Map<String, Boolean> STATUSES = new LinkedHashMap<>();

    static {
        STATUSES.put("official", false);
        STATUSES.put("provisional", true);
    }

    private final Problems problems;
    private final ValueReader values;

    CalendarFileReader(Problems problems) {
        this.problems = problems;
        this.values = new ValueReader(problems);
    }

    Optional<CalendarYear> read(Node root) {
        Fields f = Fields.of(root, "", problems, KEYS);
        Optional<String> id = f.require("calendar").flatMap(n -> values.code(n, "calendar", ID,
                "lower-case letters, digits and _, starting with a letter (cn)"));
        Optional<Integer> year = f.require("year").flatMap(n -> values.integer(n, "year", 2000, 2100));
        Optional<Boolean> provisional = f.require("status").flatMap(n -> values.choice(n, "status", STATUSES));
        String source = f.get("source").flatMap(n -> values.text(n, "source")).orElse("");
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        Map<LocalDate, String> makeUp = new LinkedHashMap<>();
        Map<LocalDate, String> firstSeen = new LinkedHashMap<>();
        f.get("holidays").ifPresent(n -> {
            List<Node> items = values.mappings(n, "holidays");
            for (int i = 0; i < items.size(); i++) {
                holiday(items.get(i), ValueReader.item("holidays", i), year, holidays, firstSeen);
            }
        });
        f.get("make_up_working_days").ifPresent(n -> {
            List<Node> items = values.mappings(n, "make_up_working_days");
            for (int i = 0; i < items.size(); i++) {
                makeUp(items.get(i), ValueReader.item("make_up_working_days", i), year, makeUp, firstSeen);
            }
        });
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CalendarYear(id.orElseThrow(), year.orElseThrow(), holidays, makeUp, provisional.orElseThrow(), source));
        } catch (IllegalArgumentException e) {
            problems.add(root, "", e.getMessage());
            return Optional.empty();
        }
    }

    private void holiday(Node node, String path, Optional<Integer> year, Map<LocalDate, String> out, Map<LocalDate, String> firstSeen) {
        int before = problems.total();
        Fields f = Fields.of(node, path, problems, HOLIDAY_KEYS);
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        Optional<LocalDate> from = f.require("from").flatMap(n -> inYear(n, f.path("from"), year));
        Optional<LocalDate> to = f.get("to").flatMap(n -> inYear(n, f.path("to"), year)).or(() -> f.has("to") ? Optional.empty() : from);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            problems.add(f.get("to").orElseThrow(), f.path("to"), "holiday ends " + to.get() + ", before it starts (" + from.get() + ")");
        }
        if (problems.total() > before) {
            return;
        }
        for (LocalDate d = from.orElseThrow(); !d.isAfter(to.orElseThrow()); d = d.plusDays(1)) {
            if (claim(node, path, d, "holiday " + name.get(), firstSeen)) {
                out.put(d, name.get());
            }
        }
    }

    private void makeUp(Node node, String path, Optional<Integer> year, Map<LocalDate, String> out, Map<LocalDate, String> firstSeen) {
        int before = problems.total();
        Fields f = Fields.of(node, path, problems, MAKE_UP_KEYS);
        Optional<LocalDate> date = f.require("date").flatMap(n -> inYear(n, f.path("date"), year));
        Optional<String> forHoliday = f.require("for").flatMap(n -> values.text(n, f.path("for")));
        if (problems.total() > before) {
            return;
        }
        LocalDate d = date.orElseThrow();
        int dow = d.getDayOfWeek().getValue();
        if (dow < 6) {
            problems.add(f.get("date").orElseThrow(), f.path("date"), d + " is a " + d.getDayOfWeek()
                    + ", already a working day: list only the Saturdays and Sundays that are worked (调休上班)");
            return;
        }
        if (claim(node, path, d, "make-up working day for " + forHoliday.get(), firstSeen)) {
            out.put(d, forHoliday.get());
        }
    }

    /** A day may be listed once, as a holiday or as a make-up working day. */
    private boolean claim(Node node, String path, LocalDate d, String what, Map<LocalDate, String> firstSeen) {
        String earlier = firstSeen.putIfAbsent(d, what + " (" + path + ")");
        if (earlier != null) {
            problems.add(node, path, d + " is listed twice: already " + earlier);
            return false;
        }
        return true;
    }

    private Optional<LocalDate> inYear(Node n, String path, Optional<Integer> year) {
        return values.date(n, path).filter(d -> {
            if (year.isPresent() && d.getYear() != year.get()) {
                problems.add(n, path, d + " is not in " + year.get() + ": a calendar file holds one year");
                return false;
            }
            return true;
        });
    }
}
