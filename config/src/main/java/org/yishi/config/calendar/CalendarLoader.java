package org.yishi.config.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.YamlSource;
import org.yishi.core.calendar.CalendarYear;
import org.yishi.core.calendar.WorkCalendar;

/**
 * Loads working-day calendar files: one year each, named {@code <calendar>-<year>.yaml} ({@code cn-2026.yaml}), the
 * name agreeing with the {@code calendar:} and {@code year:} inside. Replace a file to replace a year (a provisional
 * year by the official schedule once the State Council publishes it). Stateless.
 */
public final class CalendarLoader {

    /** Where calendars live by default: {@code calendars/} beside the directory of the policy files. */
    public static final String DIRECTORY = "calendars";
    private static final Pattern FILE_NAME = Pattern.compile("([a-z][a-z0-9_]{0,31})-(\\d{4})\\.yaml");

    private CalendarLoader() {
    }

    /** The result of one file: the year, or its problems; and its warnings. */
    public record FileResult(Optional<CalendarYear> year, List<Problem> problems, List<Problem> warnings) {
    }

    /** Reads one calendar file. */
    public static FileResult loadFile(Path file) {
        Problems problems = new Problems(file.toString());
        return finish(file.toString(), file.getFileName().toString(), YamlSource.read(file, problems), problems);
    }

    /**
     * Reads one calendar year from its text, as a till stores it ({@code fileName} is the name it was installed under,
     * {@code cn-2026.yaml}, and must agree with the contents as a file's name must).
     */
    public static FileResult loadText(String fileName, String text) {
        Problems problems = new Problems(fileName);
        return finish(fileName, fileName, YamlSource.read(new java.io.StringReader(text), problems), problems);
    }

    /** A library of the given years (each calendar with the years given for it). */
    public static CalendarLibrary library(List<CalendarYear> years) {
        Map<String, List<CalendarYear>> byId = new HashMap<>();
        years.forEach(y -> byId.computeIfAbsent(y.calendarId(), k -> new ArrayList<>()).add(y));
        Map<String, WorkCalendar> calendars = new HashMap<>();
        byId.forEach((id, list) -> calendars.put(id, new WorkCalendar(id, list)));
        return new CalendarLibrary(calendars, List.of(), List.of());
    }

    private static FileResult finish(String source, String fileName, Optional<Node> root, Problems problems) {
        Optional<CalendarYear> year = root.flatMap(r -> new CalendarFileReader(problems).read(r));
        if (year.isPresent()) {
            Matcher m = FILE_NAME.matcher(fileName);
            String expected = year.get().calendarId() + "-" + year.get().year() + ".yaml";
            if (!m.matches() || !fileName.equals(expected)) {
                problems.add(0, 0, "", "file name " + fileName + " does not match its contents (calendar "
                        + year.get().calendarId() + ", year " + year.get().year() + "): name it " + expected);
                year = Optional.empty();
            }
        }
        if (!problems.isEmpty()) {
            return new FileResult(Optional.empty(), problems.list(), List.of());
        }
        List<Problem> warnings = new ArrayList<>();
        CalendarYear y = year.orElseThrow();
        if (y.provisional()) {
            warnings.add(new Problem(source, 0, 0, "status", "calendar " + y.calendarId() + " " + y.year()
                    + " is provisional: " + (y.holidays().isEmpty() && y.makeUpDays().isEmpty()
                            ? "it lists no holidays, so only weekends are rest days"
                            : "its holidays are not the official schedule")
                    + "; replace it with the State Council's schedule for " + y.year() + " when it is published"));
        }
        return new FileResult(year, List.of(), warnings);
    }

    /**
     * Loads every {@code *.yaml} file of {@code dir}. A missing directory is no calendars (and no problem: policies
     * that name no calendar need none). Files with problems are left out and listed.
     */
    public static CalendarLibrary loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return CalendarLibrary.EMPTY;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return new CalendarLibrary(Map.of(), List.of(new Problem(dir.toString(), 0, 0, "", "cannot list calendars: " + e)), List.of());
        }
        List<CalendarYear> years = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (Path file : files) {
            FileResult r = loadFile(file);
            problems.addAll(r.problems());
            warnings.addAll(r.warnings());
            r.year().ifPresent(years::add);
        }
        return new CalendarLibrary(library(years).calendars(), problems, warnings);
    }

    /** The default calendar directory for a policy file: {@code ../calendars} from the file's directory. */
    public static Path besidePolicies(Path policyFile) {
        Path parent = policyFile.toAbsolutePath().getParent();
        return parent.resolveSibling(DIRECTORY);
    }
}
