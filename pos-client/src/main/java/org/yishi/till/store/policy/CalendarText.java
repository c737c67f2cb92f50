package org.yishi.till.store.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.core.calendar.CalendarYear;
import org.yishi.core.journal.CalendarDigest;
import org.yishi.core.journal.JournalFormat;

/**
 * One working-day calendar year as a till installs it: the file's name ({@code cn-2026.yaml}), its exact text, and the
 * year that text reads as.
 */
public record CalendarText(String fileName, String yamlText, CalendarYear year) {

    public CalendarText {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(yamlText, "yamlText");
        Objects.requireNonNull(year, "year");
    }

    /**
     * Reads one calendar file.
     *
     * @throws IllegalArgumentException naming the file and its first problem, if it is not a calendar year
     */
    public static CalendarText read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read calendar " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a stored or received text; a text that is not a calendar year is refused with its first problem. */
    public static CalendarText parse(String fileName, String yamlText) {
        CalendarLoader.FileResult r = CalendarLoader.loadText(fileName, yamlText);
        CalendarYear year = r.year().orElseThrow(() -> new IllegalArgumentException("calendar " + fileName + " is not valid: "
                + r.problems().get(0)));
        return new CalendarText(fileName, yamlText, year);
    }

    public String sha256() {
        return JournalFormat.sha256Hex(yamlText.getBytes(StandardCharsets.UTF_8));
    }

    /** How a POLICY_UPDATE names this text. */
    public CalendarDigest digest() {
        return new CalendarDigest(year.calendarId(), year.year(), sha256());
    }
}
