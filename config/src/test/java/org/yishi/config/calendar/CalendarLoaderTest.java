package org.yishi.config.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yishi.config.PolicyTestSupport;
import org.yishi.config.yaml.Problem;
import org.yishi.core.calendar.DayKind;
import org.yishi.core.calendar.WorkCalendar;

class CalendarLoaderTest {

    private static final CalendarLibrary SHIPPED = CalendarLoader.loadDirectory(PolicyTestSupport.SHIPPED_CALENDARS);

    @Test
    void theShippedCalendarsLoadAnd2027IsProvisionalWithAWarning() {
        assertThat(SHIPPED.problems()).isEmpty();
        assertThat(SHIPPED.calendar("cn").orElseThrow().loadedYears()).containsExactly(2026, 2027);
        assertThat(SHIPPED.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).endsWith("cn-2027.yaml");
            assertThat(w.message()).contains("provisional", "only weekends are rest days");
        });
    }

    /**
     * The 2026 schedule (国务院办公厅, 2025-11-04), day by day around each change; W = working day, R = rest day.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "2025-12-31, U, no calendar for 2025",
        "2026-01-01, R, 元旦 Thu",
        "2026-01-03, R, 元旦 Sat",
        "2026-01-04, W, make-up Sunday for 元旦",
        "2026-01-05, W, ordinary Monday",
        "2026-02-13, W, Friday before the make-up Saturday",
        "2026-02-14, W, make-up Saturday before 春节",
        "2026-02-15, R, first day of 春节 (Sunday)",
        "2026-02-16, R, 春节 Monday",
        "2026-02-23, R, last day of 春节 (Monday)",
        "2026-02-24, W, day after 春节",
        "2026-02-28, W, make-up Saturday after 春节",
        "2026-03-01, R, ordinary Sunday",
        "2026-04-03, W, Friday before 清明",
        "2026-04-06, R, 清明 Monday",
        "2026-04-07, W, day after 清明",
        "2026-05-05, R, last day of 劳动节 (Tuesday)",
        "2026-05-09, W, make-up Saturday for 劳动节",
        "2026-05-10, R, ordinary Sunday after it",
        "2026-06-19, R, 端午 Friday",
        "2026-09-20, W, make-up Sunday for 国庆",
        "2026-09-25, R, 中秋 Friday",
        "2026-10-07, R, last day of 国庆 (Wednesday)",
        "2026-10-08, W, day after 国庆",
        "2026-10-10, W, make-up Saturday for 国庆",
        "2026-12-31, W, last day of the year",
        "2027-01-01, W, provisional 2027: weekends only",
        "2027-01-02, R, provisional 2027: a Saturday",
        "2028-01-03, U, no calendar for 2028"})
    void daysOf2026(LocalDate day, char kind, String note) {
        DayKind k = SHIPPED.calendar("cn").orElseThrow().kindOf(day);
        Class<?> expected = switch (kind) {
            case 'W' -> DayKind.WorkingDay.class;
            case 'R' -> DayKind.RestDay.class;
            default -> DayKind.Unknown.class;
        };
        assertThat(k).as(note + ": " + k.why()).isInstanceOf(expected);
    }

    @Test
    void countsOf2026() {
        WorkCalendar cn = SHIPPED.calendar("cn").orElseThrow();
        int working = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            working += cn.kindOf(d) instanceof DayKind.WorkingDay ? 1 : 0;
        }
        // 261 Monday-to-Fridays in 2026, minus 19 holidays falling on them (元旦 2, 春节 6, 清明 1, 劳动节 3, 端午 1, 中秋 1,
        // 国庆 5), plus 6 make-up weekend days: 248.
        assertThat(working).isEqualTo(261 - 19 + 6);
    }

    @Test
    void everyProblemOfABadFileIsReportedWithLineAndColumnAndTheGoodFilesStay(@TempDir Path dir) throws IOException {
        Files.copy(PolicyTestSupport.SHIPPED_CALENDARS.resolve("cn-2026.yaml"), dir.resolve("cn-2026.yaml"));
        Files.writeString(dir.resolve("cn-2027.yaml"), String.join("\n",
                "calendar: cn",
                "year: 2027",
                "status: offical",
                "holidays:",
                "  - {name: 元旦, from: 2027-01-01, to: 2026-12-31}",
                "  - {name: 春节, from: 2027-02-06, to: 2027-02-04}",
                "  - {name: 劳动节, from: 2027-05-01, to: 2027-05-03}",
                "make_up_working_days:",
                "  - {date: 2027-05-06, for: 劳动节}",
                "  - {date: 2027-05-02, for: 劳动节}",
                "  - {dat: 2027-05-08, for: 劳动节}",
                ""));
        CalendarLibrary lib = CalendarLoader.loadDirectory(dir);
        assertThat(lib.calendar("cn").orElseThrow().loadedYears()).containsExactly(2026);
        List<String> problems = lib.problems().stream().map(Problem::toString).map(s -> s.substring(s.indexOf("cn-2027"))).toList();
        assertThat(problems).containsExactly(
                "cn-2027.yaml:3:9: status: \"offical\" is not one of official, provisional (did you mean official?)",
                "cn-2027.yaml:5:38: holidays[0].to: 2026-12-31 is not in 2027: a calendar file holds one year",
                "cn-2027.yaml:6:38: holidays[1].to: holiday ends 2027-02-04, before it starts (2027-02-06)",
                "cn-2027.yaml:9:12: make_up_working_days[0].date: 2027-05-06 is a THURSDAY, already a working day: list only the "
                        + "Saturdays and Sundays that are worked (调休上班)",
                "cn-2027.yaml:10:5: make_up_working_days[1]: 2027-05-02 is listed twice: already holiday 劳动节 (holidays[2])",
                "cn-2027.yaml:11:5: make_up_working_days[2]: missing required key \"date\"",
                "cn-2027.yaml:11:6: make_up_working_days[2].dat: unknown key \"dat\" (did you mean date?); allowed here: date, for");
    }

    @Test
    void aFileNamedForAnotherYearIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cn-2029.yaml"), "calendar: cn\nyear: 2028\nstatus: provisional\n");
        CalendarLibrary lib = CalendarLoader.loadDirectory(dir);
        assertThat(lib.calendars()).isEmpty();
        assertThat(lib.problems()).singleElement().hasToString(dir.resolve("cn-2029.yaml")
                + ": file name cn-2029.yaml does not match its contents (calendar cn, year 2028): name it cn-2028.yaml");
    }
}
