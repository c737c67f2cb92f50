package org.yishi.till.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.elder.Elder;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.till.store.ledger.MirrorMismatchException;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.till.store.registry.RegistryImport;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.testing.TestSales;

class TillStoreTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path root;
    final ManualClock clock = new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), SHANGHAI);

    TillDataDirectory dir() {
        return new TillDataDirectory(root);
    }

    @Test
    void aNewTillGetsTheDocumentedLayoutAndSaysWhatMustBeImported() {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.journal().lastSeq()).isEqualTo(1); // TILL_START
            assertThat(store.openReport().databaseRebuilt()).isFalse();
            assertThat(store.openReport().registryImportNeeded()).isTrue();
            assertThat(store.openReport().policyImportNeeded()).isTrue();
            assertThat(store.openReport().readyToServe()).isFalse();
        }
        assertThat(root.resolve("journal/journal-T01.jsonl")).isRegularFile();
        assertThat(root.resolve("keys/till-ed25519.key")).isRegularFile();
        assertThat(root.resolve("db/till.mv.db")).isRegularFile();
    }

    @Test
    void salesAndCacheSurviveReopening() {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.journal().append(new ShiftOpenPayload(1, "C01", 0));
            store.journal().append(TestSales.lunch("R-1", "E1", 1));
            try (RegistryImport<Elder> imp = store.registry().importElders("elders.csv",
                    CategoryVocabulary.of(List.of(new CategoryDefinition("minimum_living", "低保", -1, -1))),
                    org.yishi.core.elder.RegistryMode.DELTA)) {
                imp.accept(2, new Elder("E1", "张三", java.time.LocalDate.of(1940, 1, 1), List.of(), "440118", "440118001", List.of(), "", ""));
                imp.finish();
            }
            store.syncServer().keepAcknowledgement(2, "{}");
            store.syncServer().roundDone(clock.instant(), null);
            store.syncServer().roundDone(clock.instant().plusSeconds(60), "the server cannot be reached");
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().mirror().replayed()).isZero();
            assertThat(store.sales().priorPurchases("E1", LocalDateTime.of(2026, 10, 12, 0, 0), LocalDateTime.of(2026, 10, 13, 0, 0))).hasSize(1);
            assertThat(store.registry().findElder("E1")).isPresent();
            var sync = store.syncServer().read();
            assertThat(sync.acknowledgedSeq()).isEqualTo(2);
            // the last completed round is remembered past a failed one
            assertThat(sync.lastCompleted()).contains(clock.instant());
            assertThat(sync.lastRound()).contains(clock.instant().plusSeconds(60));
            assertThat(sync.lastError()).contains("the server cannot be reached");
            store.syncServer().keepAcknowledgement(1, "{}");
            assertThat(store.syncServer().read().acknowledgedSeq()).as("an older acknowledgement is not kept").isEqualTo(2);
        }
    }

    @Test
    void aStoreThatWasNotClosedIsRecognisedAndItsLedgerWrittenAgain() throws Exception {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.journal().append(TestSales.lunch("R-1", "E1", openShift(store)));
        }
        assertThat(root.resolve("db/CLOSED_CLEANLY")).isRegularFile();
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().uncleanShutdown()).isFalse();
            assertThat(store.openReport().mirror().rewrittenFromJournal()).isFalse();
            assertThat(root.resolve("db/CLOSED_CLEANLY")).doesNotExist(); // while open, a crash must be recognisable
        }
        Files.delete(root.resolve("db/CLOSED_CLEANLY")); // as if the process had been killed
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().uncleanShutdown()).isTrue();
            assertThat(store.openReport().mirror().rewrittenFromJournal()).isTrue();
            assertThat(store.openReport().summary()).contains("did not shut down cleanly");
            assertThat(store.sales().saleCount()).isEqualTo(1);
        }
    }

    @Test
    void aRegistryImportCutOffByACrashEmptiesTheCache() throws Exception {
        CategoryVocabulary vocabulary = CategoryVocabulary.of(List.of());
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            try (RegistryImport<Elder> imp = store.registry().importElders("elders.csv", vocabulary, org.yishi.core.elder.RegistryMode.DELTA)) {
                assertThat(root.resolve("db/IMPORT_IN_PROGRESS")).isRegularFile();
                imp.accept(2, new Elder("E1", "张三", java.time.LocalDate.of(1940, 1, 1), List.of(), "440118", "440118001", List.of(), "", ""));
                imp.finish();
            }
            assertThat(root.resolve("db/IMPORT_IN_PROGRESS")).doesNotExist();
            assertThat(store.registry().elderCount()).isEqualTo(1);
        }
        Files.writeString(root.resolve("db/IMPORT_IN_PROGRESS"), ""); // as a killed import leaves it
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().importInterrupted()).isTrue();
            assertThat(store.openReport().registryImportNeeded()).isTrue();
            assertThat(store.registry().elderCount()).isZero();
        }
        assertThat(root.resolve("db/IMPORT_IN_PROGRESS")).doesNotExist();
    }

    @Test
    void aRegistryImportIsJournalledAndACacheThatFallsBehindItIsNoticed() throws Exception {
        Path registry = root.resolve("registry");
        new org.yishi.config.demo.DemoDataGenerator().generate(org.yishi.config.demo.DemoDataGenerator.Options.of(200, 3), registry);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(registry.resolve("elders.csv")));
        sha.update(Files.readAllBytes(registry.resolve("cards.csv")));
        String expected = java.util.HexFormat.of().formatHex(sha.digest());
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            var result = store.importRegistry(org.yishi.till.store.registry.RegistryExport.in(registry),
                    CategoryVocabulary.standard(), "2026-11");
            assertThat(result.elders().accepted()).isEqualTo(200);
            var update = (org.yishi.core.journal.RegistryUpdatePayload) store.journal().readFrom(store.journal().lastSeq()).get(0).typedPayload();
            assertThat(update.contentSha256()).isEqualTo(expected);
            assertThat(update.elderCount()).isEqualTo(200);
            assertThat(update.registryVersion()).isEqualTo("2026-11");
            assertThat(update.mode()).as("the demo export's manifest says full").isEqualTo(org.yishi.core.elder.RegistryMode.FULL);
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().registryImportNeeded()).isFalse();
            assertThat(store.openReport().cacheProblems()).isEmpty();
            // as if H2 had come back with an older version of its file
            try (var c = store.database().dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM registry_import WHERE kind = 'snapshot'");
            }
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().registryImportNeeded()).isTrue();
            assertThat(store.openReport().cacheProblems()).singleElement().asString()
                    .contains("last registry update").contains("2026-11").contains(expected);
        }
    }

    @Test
    void aPolicyInstallIsJournalledOnceAndAPolicyTheCacheLostIsNoticed() throws Exception {
        org.yishi.core.policy.Policy policy = new org.yishi.core.policy.Policy("guangzhou-zengcheng", "2020.1", "增城", SHANGHAI,
                java.time.LocalDate.of(2020, 1, 1), java.util.Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.installPolicy(policy, "id: guangzhou-zengcheng\n");
            store.installPolicy(policy, "id: guangzhou-zengcheng\n");
            long updates = store.journal().readFrom(1).stream()
                    .filter(r -> r.type() == org.yishi.core.journal.RecordType.POLICY_UPDATE).count();
            assertThat(updates).isEqualTo(1);
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().policyImportNeeded()).isFalse();
            try (var c = store.database().dataSource().getConnection(); var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM policy_version");
            }
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().policyImportNeeded()).isTrue();
            assertThat(store.openReport().cacheProblems()).singleElement().asString()
                    .contains("guangzhou-zengcheng version 2020.1").contains("not installed");
            store.installPolicy(policy, "id: guangzhou-zengcheng\n"); // installing it again journals it again
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().policyImportNeeded()).isFalse();
        }
    }

    @Test
    void aSecondTillProcessCannotOpenTheSameStore() {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThatThrownBy(() -> TillStore.open(dir(), "T01", clock)).isInstanceOf(RuntimeException.class);
            // and the failed attempt did not move the database aside
            assertThat(root.resolve("quarantine")).doesNotExist();
            assertThat(store.journal().append(TestSales.lunch("R-1", "E1", openShift(store))).seq()).isEqualTo(3);
        }
    }

    @Test
    void aDamagedDatabaseIsMovedAsideAndRebuiltFromTheJournal() throws Exception {
        int sales = 400;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            long shift = openShift(store);
            for (int i = 0; i < sales; i++) {
                store.journal().append(TestSales.lunch("R-" + i, "E" + (i % 50), shift));
            }
        }
        Path db = root.resolve("db/till.mv.db");
        byte[] original = Files.readAllBytes(db);
        overwrite(db, 0, 8192); // both MVStore file headers

        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            TillStoreOpenReport report = store.openReport();
            assertThat(report.databaseRebuilt()).as(report.summary()).isTrue();
            assertThat(report.rebuildReason()).isPresent();
            assertThat(report.mirror().mirroredBefore()).isZero();
            assertThat(report.mirror().replayed()).isEqualTo(sales + 2);
            assertThat(report.registryImportNeeded()).isTrue();
            assertThat(report.summary()).contains("DATABASE REBUILT");
            assertThat(store.sales().saleCount()).isEqualTo(sales);
            assertThat(store.journal().append(TestSales.lunch("R-after", "E1", 1)).seq()).isEqualTo(sales + 3);

            Path quarantined = report.quarantinedTo().orElseThrow();
            assertThat(quarantined.getParent()).isEqualTo(root.resolve("quarantine"));
            Path moved = quarantined.resolve("till.mv.db");
            assertThat(moved).isRegularFile();
            assertThat(Files.size(moved)).isEqualTo(original.length); // moved, not deleted or truncated
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(root.resolve("journal/journal-T01.jsonl")).ok()).isTrue();
    }

    @Test
    void garbageInTheMiddleOfTheDatabaseLosesNoSale() throws Exception {
        int sales = 400;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            long shift = openShift(store);
            for (int i = 0; i < sales; i++) {
                store.journal().append(TestSales.lunch("R-" + i, "E" + (i % 50), shift));
            }
        }
        Path db = root.resolve("db/till.mv.db");
        long length = Files.size(db);
        overwrite(db, length / 4, (int) (length / 2));

        // H2 either refuses the file (rebuild) or falls back to an older consistent version of it (catch-up);
        // what must hold either way: every sale is back, and the mirror equals the journal.
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            TillStoreOpenReport report = store.openReport();
            assertThat(report.databaseRebuilt() || report.mirror().replayed() > 0).as(report.summary()).isTrue();
            assertThat(store.sales().saleCount()).isEqualTo(sales);
            assertThat(store.journal().mirroredSeq()).isEqualTo(sales + 2);
        }
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.openReport().mirror().replayed()).isZero();
        }
    }

    @Test
    void aMirrorMismatchIsNotTreatedAsDamage() throws Exception {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.journal().append(TestSales.lunch("R-1", "E1", openShift(store)));
        }
        Path journal = root.resolve("journal/journal-T01.jsonl");
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        Files.writeString(journal, String.join("\n", lines.subList(0, 2)) + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TillStore.open(dir(), "T01", clock)).isInstanceOf(MirrorMismatchException.class);
        assertThat(root.resolve("quarantine")).doesNotExist();
        assertThat(root.resolve("db/till.mv.db")).isRegularFile();
    }

    static long openShift(TillStore store) {
        store.journal().append(new ShiftOpenPayload(1, "C01", 0));
        return 1;
    }

    /** Overwrites {@code length} bytes from {@code from} with random bytes, as a failing disk or a torn page write might. */
    static void overwrite(Path file, long from, int length) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[length];
            new Random(42).nextBytes(garbage);
            raf.seek(from);
            raf.write(garbage);
        }
    }

    static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
