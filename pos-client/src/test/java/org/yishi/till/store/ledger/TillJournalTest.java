package org.yishi.till.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.till.store.TillDatabase;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.testing.TestSales;

class TillJournalTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), SHANGHAI); // 11:30 local, a Monday

    Path journalFile() {
        return dir.resolve("journal").resolve("journal-T01.jsonl");
    }

    Supplier<JournalWriter> opener() {
        TillKeys keys = TillKeys.loadOrCreate(dir.resolve("keys").resolve("till-ed25519.key"));
        return () -> JournalWriter.open(journalFile(), keys, "T01", clock);
    }

    TillDatabase database() {
        return TillDatabase.open(dir.resolve("db"));
    }

    static List<String> mirrorLines(TillDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT line FROM journal_mirror ORDER BY seq")) {
            List<String> lines = new java.util.ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return lines;
        }
    }

    static void sql(TillDatabase db, String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aCommittedSaleIsInTheJournalFileTheMirrorAndTheSalesIndex() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            SignedRecord sale = journal.append(TestSales.lunch("R-0001", "E1", 1));

            assertThat(sale.seq()).isEqualTo(3); // TILL_START, SHIFT_OPEN, SALE
            assertThat(Files.readAllLines(journalFile(), StandardCharsets.UTF_8)).last().isEqualTo(sale.line());
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
            IndexedSale indexed = new SalesIndex(db, "T01").sale(3).orElseThrow();
            assertThat(indexed.receiptNo()).isEqualTo("R-0001");
            assertThat(indexed.saleTime()).isEqualTo(LocalDateTime.of(2026, 10, 12, 11, 30));
            assertThat(indexed.priceFen()).isEqualTo(1200);
            assertThat(indexed.subsidyFen()).isEqualTo(700);
            assertThat(indexed.copayFen()).isEqualTo(500);
            assertThat(indexed.ruleIds()).containsExactly("zc-60-79");
            assertThat(indexed.providerRuleIds()).containsExactly("operator-per-meal");
            assertThat(indexed.policyVersion()).isEqualTo("2020.1");
            assertThat(journal.mirroredSeq()).isEqualTo(journal.lastSeq()).isEqualTo(3);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(journalFile()).ok()).isTrue();
    }

    @Test
    void priorPurchasesLeaveOutReversedSalesOtherEldersAndOtherDays() {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            SalesIndex index = new SalesIndex(db, "T01");
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            clock.set(Instant.parse("2026-10-11T04:00:00Z")); // yesterday 12:00
            journal.append(TestSales.lunch("R-1", "E1", 1));
            clock.set(Instant.parse("2026-10-12T03:30:00Z")); // today 11:30
            SalePayload voided = TestSales.lunch("R-2", "E1", 1);
            long voidedSeq = journal.append(voided).seq();
            journal.append(ReversalPayload.voiding(voidedSeq, voided, 1, "C01", "S01", "wrong elder"));
            SalePayload refunded = TestSales.sale("R-3", "E1", 1, 1200, 700, "lunch", Channel.DELIVERY);
            long refundedSeq = journal.append(refunded).seq();
            journal.append(ReversalPayload.refunding(refundedSeq, refunded, 1, "C01", "S01", "meal not delivered"));
            clock.set(Instant.parse("2026-10-12T03:40:00Z"));
            journal.append(TestSales.lunch("R-4", "E2", 1));
            clock.set(Instant.parse("2026-10-12T10:00:00Z")); // 18:00
            long kept = journal.append(TestSales.sale("R-5", "E1", 1, 1500, 300, "dinner", Channel.DELIVERY)).seq();

            LocalDateTime today = LocalDateTime.of(2026, 10, 12, 0, 0);
            List<PriorPurchase> prior = index.priorPurchases("E1", today, today.plusDays(1));
            assertThat(prior).singleElement().satisfies(p -> {
                assertThat(p.time()).isEqualTo(LocalDateTime.of(2026, 10, 12, 18, 0));
                assertThat(p.mealSlot()).isEqualTo("dinner");
                assertThat(p.channel()).isEqualTo(Channel.DELIVERY);
                assertThat(p.subsidyFen()).isEqualTo(300);
                assertThat(p.ruleIds()).containsExactly("zc-60-79");
                assertThat(p.providerRuleIds()).containsExactly("operator-per-meal");
            });
            assertThat(index.priorPurchases("E1", today.minusDays(1), today.plusDays(1))).hasSize(2);
            assertThat(index.priorPurchases("E1", today.minusDays(1), LocalDateTime.of(2026, 10, 11, 12, 0))).isEmpty(); // 'to' is exclusive
            assertThat(index.priorPurchasesAround("E1", LocalDate.of(2026, 10, 12))).as("the whole week and month").hasSize(2);
            clock.set(Instant.parse("2026-10-30T04:00:00Z")); // Friday 12:00
            journal.append(TestSales.lunch("R-6", "E1", 1));
            assertThat(index.priorPurchasesAround("E1", LocalDate.of(2026, 11, 1)))
                    .as("1 Nov is a Sunday: its ISO week began on 26 Oct, in the month before")
                    .extracting(PriorPurchase::time).containsExactly(LocalDateTime.of(2026, 10, 30, 12, 0));
            assertThat(index.priorPurchasesAround("E1", LocalDate.of(2026, 11, 2))).as("a new week in a new month").isEmpty();
            assertThat(index.priorPurchasesAround("E1", LocalDate.of(2026, 10, 11)))
                    .as("purchases timed after the day still count in its month").hasSize(3);
            assertThat(index.sale(voidedSeq).orElseThrow().voidedBySeq()).isEqualTo(voidedSeq + 1);
            assertThat(index.sale(refundedSeq).orElseThrow().refundedBySeq()).isEqualTo(refundedSeq + 1);
            assertThat(index.byReceiptNo("R-5")).extracting(IndexedSale::seq).containsExactly(kept);
        }
    }

    @Test
    void reopeningBringsAMirrorThatMissedRecordsUpToDate() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            journal.append(TestSales.lunch("R-1", "E1", 1));
        }
        // The journal gets records the database never saw (as after a crash between fsync and the H2 commit).
        SalePayload late = TestSales.lunch("R-2", "E1", 1);
        try (JournalWriter w = opener().get()) {
            long seq = w.append(late).seq();
            w.append(ReversalPayload.voiding(seq, late, 1, "C01", "S01", "test"));
            w.append(TestSales.lunch("R-3", "E2", 1));
        }
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            MirrorRecovery r = journal.recovery();
            assertThat(r.mirroredBefore()).isEqualTo(3);
            assertThat(r.replayed()).isEqualTo(3);
            assertThat(r.journalLastSeq()).isEqualTo(6);
            assertThat(r.streamedFromFile()).isFalse();
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
            assertThat(new SalesIndex(db, "T01").sale(4).orElseThrow().voidedBySeq()).isEqualTo(5);
            assertThat(new SalesIndex(db, "T01").saleCount()).isEqualTo(3);
        }
    }

    @Test
    void afterAnUncleanShutdownMirrorAndIndexAreWrittenAgainFromTheJournal() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            SalePayload s = TestSales.lunch("R-1", "E1", 1);
            long seq = journal.append(s).seq();
            journal.append(ReversalPayload.voiding(seq, s, 1, "C01", "S01", "test"));
            // a stray index row no journal record explains: a rewrite must not keep it
            sql(db, "INSERT INTO sale (seq, receipt_no, identification, sale_time, channel, price_fen, subsidy_fen, copay_fen,"
                    + " rule_ids, provider_rule_ids, policy_id, policy_version, shift_no) VALUES (99, 'X', 'card', CURRENT_TIMESTAMP,"
                    + " 'dine_in', 1, 0, 1, '', '', 'p', 'v', 1)");
        }
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, true)) {
            MirrorRecovery r = journal.recovery();
            assertThat(r.rewrittenFromJournal()).isTrue();
            assertThat(r.mirroredBefore()).isEqualTo(4);
            assertThat(r.replayed()).isEqualTo(4);
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
            assertThat(new SalesIndex(db, "T01").saleCount()).isEqualTo(1);
            assertThat(new SalesIndex(db, "T01").sale(3).orElseThrow().voidedBySeq()).isEqualTo(4);
            assertThat(journal.append(TestSales.lunch("R-2", "E1", 1)).seq()).isEqualTo(5);
        }
    }

    @Test
    void afterAnUncleanShutdownLeftoverRowsPastAGapAreNoAlarm() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            for (int i = 0; i < 4; i++) {
                journal.append(TestSales.lunch("R-" + i, "E1", 1));
            }
            // what H2 can keep of a replay batch in flight at a kill: some rows of it, not others
            sql(db, "DELETE FROM sale WHERE seq = 4");
            sql(db, "DELETE FROM journal_mirror WHERE seq = 4");
        }
        try (TillDatabase db = database()) {
            assertThatThrownBy(() -> TillJournal.open(db, opener(), SHANGHAI, false)).isInstanceOf(MirrorMismatchException.class)
                    .hasMessageContaining("lacks seq 4");
        }
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, true)) {
            assertThat(journal.recovery().mirroredBefore()).isEqualTo(3);
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
            assertThat(new SalesIndex(db, "T01").saleCount()).isEqualTo(4);
        }
    }

    @Test
    void aMismatchIsReportedBeforeAnyRewrite() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            sql(db, "UPDATE journal_mirror SET line = REPLACE(line, '\"C01\"', '\"C99\"') WHERE seq = 2");
        }
        try (TillDatabase db = database()) {
            assertThatThrownBy(() -> TillJournal.open(db, opener(), SHANGHAI, true)).isInstanceOf(MirrorMismatchException.class);
            assertThat(mirrorLines(db).get(1)).contains("C99"); // evidence kept
        }
    }

    @Test
    void aLongCatchUpStreamsTheFileAndRebuildsAnEmptyDatabase() throws Exception {
        try (JournalWriter w = opener().get()) {
            w.append(new ShiftOpenPayload(1, "C01", 0));
            for (int i = 0; i < 30; i++) {
                w.append(TestSales.lunch("R-" + i, "E" + (i % 4), 1));
            }
        }
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, resume -> opener().get(), SHANGHAI, 10, false)) {
            assertThat(journal.recovery().streamedFromFile()).isTrue();
            assertThat(journal.recovery().replayed()).isEqualTo(32);
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
            assertThat(journal.append(TestSales.lunch("R-new", "E1", 1)).seq()).isEqualTo(33); // writer reopened
        }
    }

    @Test
    void aTornLastLineIsCutOffAndReported() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            journal.append(TestSales.lunch("R-1", "E1", 1));
        }
        String half = Files.readAllLines(journalFile(), StandardCharsets.UTF_8).get(2).substring(0, 70);
        Files.writeString(journalFile(), half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            assertThat(journal.recovery().tornTailsRecovered()).isEqualTo(1);
            assertThat(journal.lastSeq()).isEqualTo(3);
            assertThat(journal.append(TestSales.lunch("R-2", "E1", 1)).seq()).isEqualTo(4);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(journalFile()).ok()).isTrue();
    }

    @Test
    void aMirrorRowThatDiffersFromTheFileStopsTheTill() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            journal.append(TestSales.lunch("R-1", "E1", 1));
            sql(db, "UPDATE journal_mirror SET line = REPLACE(line, '\"priceFen\":1200', '\"priceFen\":1300') WHERE seq = 3");
        }
        try (TillDatabase db = database()) {
            assertThatThrownBy(() -> TillJournal.open(db, opener(), SHANGHAI, false)).isInstanceOf(MirrorMismatchException.class)
                    .hasMessageContaining("seq 3").hasMessageContaining("hashes to");
            // the mirror is left as it was: evidence, not silently repaired
            assertThat(mirrorLines(db).get(2)).contains("\"priceFen\":1300");
        }
        // the writer was released: the journal can still be opened
        try (JournalWriter w = opener().get()) {
            assertThat(w.lastSeq()).isEqualTo(3);
        }
    }

    @Test
    void aConsistentlyForgedMirrorIsCaughtAgainstTheFile() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            journal.append(TestSales.lunch("R-1", "E1", 1));
        }
        // Another journal of the same till (same key), e.g. an old backup: its own chain is fine, the file's is another.
        Path other = dir.resolve("other.jsonl");
        TillKeys keys = TillKeys.loadOrCreate(dir.resolve("keys").resolve("till-ed25519.key"));
        try (JournalWriter w = JournalWriter.open(other, keys, "T01", clock)) {
            clock.advance(java.time.Duration.ofSeconds(1));
            w.append(new ShiftOpenPayload(1, "C02", 100));
            w.append(TestSales.lunch("R-9", "E9", 1));
        }
        try (TillDatabase db = database()) {
            sql(db, "DELETE FROM sale");
            sql(db, "DELETE FROM journal_mirror");
        }
        List<SignedRecord> forged = JournalReader.readAll(other);
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, () -> JournalWriter.open(other, keys, "T01", clock), SHANGHAI, false)) {
            assertThat(journal.lastSeq()).isEqualTo(forged.size());
        }
        try (TillDatabase db = database()) {
            assertThatThrownBy(() -> TillJournal.open(db, opener(), SHANGHAI, false)).isInstanceOf(MirrorMismatchException.class)
                    .hasMessageContaining("differs from the journal file");
        }
    }

    @Test
    void aMirrorAheadOfTheFileMeansTheFileLostRecords() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            journal.append(TestSales.lunch("R-1", "E1", 1));
        }
        List<String> lines = Files.readAllLines(journalFile(), StandardCharsets.UTF_8);
        Files.writeString(journalFile(), String.join("\n", lines.subList(0, 2)) + "\n", StandardCharsets.UTF_8);
        try (TillDatabase db = database()) {
            assertThatThrownBy(() -> TillJournal.open(db, opener(), SHANGHAI, false)).isInstanceOf(MirrorMismatchException.class)
                    .hasMessageContaining("truncated or replaced");
        }
    }

    @Test
    void aDamagedSalesIndexIsRebuiltFromTheMirror() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            SalePayload s = TestSales.lunch("R-1", "E1", 1);
            long seq = journal.append(s).seq();
            journal.append(ReversalPayload.voiding(seq, s, 1, "C01", "S01", "test"));
            journal.append(TestSales.lunch("R-2", "E1", 1));
            sql(db, "UPDATE sale SET voided_by_seq = NULL");
        }
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            assertThat(journal.recovery().salesIndexRebuilt()).isTrue();
            assertThat(new SalesIndex(db, "T01").sale(3).orElseThrow().voidedBySeq()).isEqualTo(4);
            assertThat(new SalesIndex(db, "T01").saleCount()).isEqualTo(2);
        }
    }

    @Test
    void aSaleTheDatabaseCouldNotIndexIsStillCommittedAndIndexedBeforeTheNextOne() throws Exception {
        try (TillDatabase db = database(); TillJournal journal = TillJournal.open(db, opener(), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            sql(db, "ALTER TABLE sale RENAME TO sale_away");
            assertThatThrownBy(() -> journal.append(TestSales.lunch("R-1", "E1", 1)))
                    .isInstanceOfSatisfying(RecordedButNotIndexedException.class, e -> assertThat(e.record().seq()).isEqualTo(3));
            assertThat(journal.lastSeq()).isEqualTo(3);
            assertThat(journal.mirroredSeq()).isEqualTo(2);
            // while the database still fails, no new sale is written
            assertThatThrownBy(() -> journal.append(TestSales.lunch("R-2", "E1", 1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no new record is written");
            assertThat(journal.lastSeq()).isEqualTo(3);
            sql(db, "ALTER TABLE sale_away RENAME TO sale");
            assertThat(journal.append(TestSales.lunch("R-2", "E1", 1)).seq()).isEqualTo(4);
            assertThat(new SalesIndex(db, "T01").byReceiptNo("R-1")).hasSize(1);
            assertThat(mirrorLines(db)).containsExactlyElementsOf(Files.readAllLines(journalFile(), StandardCharsets.UTF_8));
        }
    }
}
