package org.yishi.till.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.core.calendar.DayKind;
import org.yishi.core.journal.CalendarDigest;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.PolicyUpdatePayload;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.checkout.Till;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/**
 * A policy that counts working days (issue 11 item 4) installed on a real till: the calendar years it names are
 * installed and journalled with it, the till opens and sells under that calendar, a corrected year is journalled
 * again, and a till whose cache lost a calendar says so instead of selling on a guess.
 */
class WorkingDayPolicyInstallTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 10, 9, 11, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);

    @TempDir
    Path dir;
    private Path policyFile;
    private Path registry;
    private ConfiguredTill till;

    @BeforeEach
    void layOutAnInstallation() throws IOException {
        Files.createDirectories(dir.resolve("policies"));
        Files.createDirectories(dir.resolve("calendars"));
        policyFile = dir.resolve("policies/working-day-lunch.yaml");
        Files.copy(Path.of("..", "config", "src", "test", "resources", "policies", "working-day-lunch.yaml"), policyFile);
        for (String year : List.of("cn-2026.yaml", "cn-2027.yaml")) {
            Files.copy(Path.of("..", "calendars", year), dir.resolve("calendars").resolve(year));
        }
        registry = dir.resolve("export");
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(30, 3), registry);
        Path config = dir.resolve("till.yaml");
        Files.writeString(config, "till_id: T1\ncanteen_id: C01\npolicy_id: test-working-day-lunch\ndata_dir: data\n");
        till = new TillConfigMapping().load(config);
    }

    private List<PolicyUpdatePayload> policyUpdates() {
        return org.yishi.core.journal.JournalReader.readAll(new TillDataDirectory(till.setup().dataDir()).journalFile("T1")).stream()
                .filter(r -> r.type() == RecordType.POLICY_UPDATE).map(SignedRecord::typedPayload)
                .map(PolicyUpdatePayload.class::cast).toList();
    }

    private static String sha(Path file) throws IOException {
        return JournalFormat.sha256Hex(Files.readAllBytes(file));
    }

    @Test
    void theCalendarIsInstalledAndJournalledWithThePolicyAndTheTillSellsByIt() throws IOException {
        TillInstaller.install(till.setup(), registry, policyFile, CLOCK);

        assertThat(policyUpdates()).singleElement().satisfies(u -> assertThat(u.calendars()).containsExactly(
                new CalendarDigest("cn", 2026, sha(dir.resolve("calendars/cn-2026.yaml"))),
                new CalendarDigest("cn", 2027, sha(dir.resolve("calendars/cn-2027.yaml")))));
        try (Till open = till.open(CLOCK)) {
            assertThat(open.policy().calendar().id()).isEqualTo("cn");
            assertThat(open.policy().calendar().kindOf(LocalDate.of(2026, 10, 7))).isInstanceOf(DayKind.RestDay.class);
            assertThat(open.policy().calendar().kindOf(LocalDate.of(2026, 10, 10))).as("a make-up Saturday")
                    .isInstanceOf(DayKind.WorkingDay.class);
        }
        // Opening again reads the calendar from the till's own database, not from the installation's files.
        Files.delete(dir.resolve("calendars/cn-2026.yaml"));
        try (Till open = till.open(CLOCK)) {
            assertThat(open.policy().calendar().loadedYears()).containsExactly(2026, 2027);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(new TillDataDirectory(till.setup().dataDir()).journalFile("T1")).ok()).isTrue();
    }

    @Test
    void installingTheSameFilesAgainJournalsNothingAndACorrectedYearIsJournalledAgain() throws IOException {
        TillInstaller.install(till.setup(), registry, policyFile, CLOCK);
        TillInstaller.install(till.setup(), registry, policyFile, CLOCK);
        assertThat(policyUpdates()).hasSize(1);

        Path y2027 = dir.resolve("calendars/cn-2027.yaml");
        Files.writeString(y2027, Files.readString(y2027) + "# corrected after publication\n");
        TillInstaller.install(till.setup(), registry, policyFile, CLOCK);

        assertThat(policyUpdates()).hasSize(2).last().satisfies(u -> assertThat(u.calendars())
                .contains(new CalendarDigest("cn", 2027, sha(y2027))));
    }

    @Test
    void aTillWhoseCacheLostTheCalendarSaysSoAndAPolicyWithoutItsCalendarIsRefused() throws Exception {
        TillInstaller.install(till.setup(), registry, policyFile, CLOCK);
        try (TillStore store = TillStore.open(new TillDataDirectory(till.setup().dataDir()), "T1", CLOCK)) {
            try (var c = store.database().dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM policy_calendar WHERE calendar_year = 2026");
            }
        }
        try (TillStore store = TillStore.open(new TillDataDirectory(till.setup().dataDir()), "T1", CLOCK)) {
            assertThat(store.openReport().policyImportNeeded()).isTrue();
            assertThat(store.openReport().cacheProblems()).singleElement().asString()
                    .contains("working-day calendar cn-2026").contains("not installed");
            org.yishi.core.policy.Policy policy = new org.yishi.config.policy.PolicyLoader().load(policyFile);
            assertThatThrownBy(() -> store.installPolicy(policy, Files.readString(policyFile)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendars/cn-YYYY.yaml");
        }
    }
}
