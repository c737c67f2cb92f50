package org.yishi.till.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.FsyncOrder;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.TillDatabase;

/**
 * Issue 10 item 5, at the till: a sale the till commits ({@link TillJournal#commitSale}, after which it prints the
 * receipt) and every other record it appends must have been written to the journal and fsynced — the whole file —
 * before the call returns. Recorded through core's channel seam ({@link FsyncOrder}); fails if the journal's
 * fsync is removed or deferred past the acknowledgement.
 */
class SaleAcknowledgedOnlyWhenDurableTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    @Test
    void everyCommittedSaleAndAppendedRecordIsFsyncedBeforeTheTillIsTold() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), SHANGHAI);
        TillKeys keys = TillKeys.loadOrCreate(dir.resolve("keys").resolve("till-ed25519.key"));
        Path journalFile = dir.resolve("journal").resolve("journal-T01.jsonl");
        FsyncOrder order = new FsyncOrder();
        try (TillDatabase db = TillDatabase.open(dir.resolve("db"));
             TillJournal journal = TillJournal.open(db, () -> order.open(journalFile, keys, "T01", clock), SHANGHAI, false)) {
            assertThat(journal.lastSeq()).isEqualTo(1);
            order.acknowledged(journal.readFrom(1).get(0)); // TILL_START, written while opening

            order.acknowledged(journal.append(new ShiftOpenPayload(1, "C01", 0)));
            SignedRecord firstSale = null;
            SalePayload first = null;
            for (int i = 0; i < 30; i++) {
                clock.advance(Duration.ofSeconds(20));
                String bill = "bill-" + String.format("%04d", i);
                SaleCommit commit = journal.commitSale(bill, seq -> Optional.of(sale("R-" + seq, bill)));
                assertThat(commit).isInstanceOf(SaleCommit.Recorded.class);
                SaleCommit.Recorded recorded = (SaleCommit.Recorded) commit;
                order.acknowledged(recorded.record());
                if (firstSale == null) {
                    firstSale = recorded.record();
                    first = recorded.sale();
                }
            }
            order.acknowledged(journal.append(ReversalPayload.voiding(firstSale.seq(), first, 1, "C01", "S01", "wrong dish")));
        }

        assertThat(order.violations()).isEmpty();
        assertThat(order.acknowledgements()).isEqualTo(33);
    }

    private static SalePayload sale(String receipt, String billId) {
        return SalePayload.builder().receiptNo(receipt).billId(billId).shiftNo(1).cashier("C01")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("cash").build();
    }
}
