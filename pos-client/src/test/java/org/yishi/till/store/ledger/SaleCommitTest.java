package org.yishi.till.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.FailingForceJournals;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.TillDatabase;

/**
 * Issue 9 item 3: a failed fsync used to be reported as "NOT recorded" although the whole line may be in the file
 * (and is recovered on reopen). The outcome is resolved by reopening the journal and reading it back: recorded or
 * not, never a guess.
 */
class SaleCommitTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), SHANGHAI);

    private Path journalFile() {
        return dir.resolve("journal").resolve("journal-T01.jsonl");
    }

    private TillKeys keys() {
        return TillKeys.loadOrCreate(dir.resolve("keys").resolve("till-ed25519.key"));
    }

    private static SalePayload sale(String receipt, String billId) {
        return SalePayload.builder().receiptNo(receipt).billId(billId).shiftNo(1).cashier("C01")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("cash").build();
    }

    /** The first writer's disk stops confirming fsyncs after the shift opens; reopening gets a healthy one. */
    private Supplier<JournalWriter> failingThenHealthy(AtomicInteger opens, boolean reopenFails) {
        TillKeys keys = keys();
        try (JournalWriter w = JournalWriter.open(journalFile(), keys, "T01", clock)) {
            w.append(new ShiftOpenPayload(1, "C01", 0));
        }
        return () -> {
            int n = opens.incrementAndGet();
            if (n == 1) {
                return FailingForceJournals.openThenFailForce(journalFile(), keys, "T01", clock);
            }
            if (reopenFails) {
                throw new IllegalStateException("disk gone");
            }
            return JournalWriter.open(journalFile(), keys, "T01", clock);
        };
    }

    @Test
    void aSaleWhoseFsyncFailedAfterItsLineWasWrittenIsReadBackAsRecordedAndIndexed() {
        AtomicInteger opens = new AtomicInteger();
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"));
             TillJournal journal = TillJournal.open(db, failingThenHealthy(opens, false), SHANGHAI, false)) {

            SaleCommit commit = journal.commitSale("bill-0001", seq -> Optional.of(sale("R-" + seq, "bill-0001")));

            assertThat(commit).isInstanceOfSatisfying(SaleCommit.Recorded.class, r -> {
                assertThat(r.sale().billId()).isEqualTo("bill-0001");
                assertThat(r.indexed()).isTrue();
            });
            assertThat(opens.get()).as("the journal was reopened to read it back").isEqualTo(2);
            assertThat(new SalesIndex(db, "T01").saleCount()).isEqualTo(1);
            // and the till goes on: the next sale is written by the reopened, healthy writer
            assertThat(journal.commitSale("bill-0002", seq -> Optional.of(sale("R-" + seq, "bill-0002"))))
                    .isInstanceOf(SaleCommit.Recorded.class);
        }
    }

    @Test
    void whenTheJournalCannotBeReopenedTheOutcomeIsUnresolvedNotAGuess() {
        AtomicInteger opens = new AtomicInteger();
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"));
             TillJournal journal = TillJournal.open(db, failingThenHealthy(opens, true), SHANGHAI, false)) {

            SaleCommit commit = journal.commitSale("bill-0001", seq -> Optional.of(sale("R-" + seq, "bill-0001")));

            assertThat(commit).isInstanceOfSatisfying(SaleCommit.Unresolved.class, u -> assertThat(u.reason()).contains("disk gone"));
        }
    }

    @Test
    void aMakerThatDeclinesWritesNothing() {
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"));
             TillJournal journal = TillJournal.open(db, () -> JournalWriter.open(journalFile(), keys(), "T01", clock), SHANGHAI, false)) {
            journal.append(new ShiftOpenPayload(1, "C01", 0));
            long before = journal.lastSeq();

            assertThat(journal.commitSale("bill-0001", seq -> Optional.empty())).isInstanceOf(SaleCommit.Withdrawn.class);
            assertThat(journal.lastSeq()).isEqualTo(before);
        }
    }
}
