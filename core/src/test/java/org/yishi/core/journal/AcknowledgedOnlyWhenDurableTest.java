package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 5: an honest durability test. The crash tests SIGKILL the writer, and the page cache survives
 * that: they would pass with the fsync removed. Here every write and fsync of the journal is recorded through the
 * writer's channel seam, together with the moment each append returns, and every record must have been written and
 * then fsynced — all of the file up to its end — before its append returned. Removing {@code force} from the append
 * path, or moving it after the return (a deferred or background fsync), fails this test.
 */
class AcknowledgedOnlyWhenDurableTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();

    @Test
    void everyRecordTypeIsFsyncedBeforeItsAppendReturns() {
        Path file = dir.resolve("journal.log");
        FsyncOrder order = new FsyncOrder();
        try (JournalWriter w = order.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            order.acknowledged(w.readFrom(1).get(0)); // TILL_START: open returns once it is durable
            ack(order, w.append(new PolicyUpdatePayload("gz-zengcheng", "2020.1", "ab".repeat(32))));
            ack(order, w.append(new ShiftOpenPayload(1, "cashier-li", 20000)));
            SalePayload card = SampleJournal.zengchengSale("R-0001", 1, "E1001", IdentificationMethod.CARD, "7F3A", null, "cash", false);
            SignedRecord cardSale = ack(order, w.append(card));
            SalePayload qr = SampleJournal.zengchengSale("R-0002", 1, "E1002", IdentificationMethod.QR, null, null, "wechat", false);
            SignedRecord qrSale = ack(order, w.append(qr));
            ack(order, w.append(SampleJournal.walkIn("R-0003", 1)));
            ack(order, w.append(ReversalPayload.voiding(qrSale.seq(), qr, 1, "cashier-li", "supervisor-wang", "wrong dish")));
            ack(order, w.append(new ReprintPayload(cardSale.seq(), 1, "cashier-li", "paper jam")));
            ack(order, w.append(new SatisfactionPayload(cardSale.seq(), 5, null)));
            SignedRecord off = ack(order, w.append(new OfflineStartPayload("connect timeout")));
            ack(order, w.append(new OfflineEndPayload(off.seq())));
            for (int i = 0; i < 40; i++) {
                ack(order, w.append(SampleJournal.zengchengSale("S-" + i, 1, "E" + i, IdentificationMethod.CARD, "0A0B", null, "cash", false)));
            }
            ack(order, w.append(w.prepareShiftClose("supervisor-wang", null)));
            ack(order, w.rotateKey(TillKeys.generate(), "scheduled rotation"));
        }

        assertThat(order.violations()).isEmpty();
        assertThat(order.acknowledgements()).isEqualTo(53);
    }

    @Test
    void afterRecoveringATornTailTheNextAppendIsFsyncedBeforeItReturns() throws IOException {
        Path file = dir.resolve("journal.log");
        SampleJournal.write(file, keys);
        Files.writeString(file, "{\"half a li", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        FsyncOrder order = new FsyncOrder();
        try (JournalWriter w = order.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            assertThat(w.recoveryNotes()).hasSize(1);
            ack(order, w.append(new ShiftOpenPayload(3, "cashier-li", 0)));
            ack(order, w.append(SampleJournal.walkIn("R-0100", 3)));
        }
        assertThat(order.violations()).isEmpty();
        assertThat(order.acknowledgements()).isEqualTo(2);
    }

    /** The checker itself: it must catch each way a write can be acknowledged before it is durable. */
    @Test
    void theCheckCatchesAMissingAnEarlyAndADeferredFsync() throws IOException {
        Path file = dir.resolve("raw.log");
        FsyncOrder order = new FsyncOrder();
        try (FileChannel ch = order.openChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            write(ch, "one\n");
            ch.force(false);
            order.acknowledged(1);                       // fine

            write(ch, "two\n");
            order.acknowledged(2);                       // no fsync at all

            ch.force(false);                             // the fsync of 2 comes too late ...
            write(ch, "three\n");
            order.acknowledged(3);                       // ... and 3 is acknowledged with its own still pending

            order.acknowledged(4);                       // nothing written (and 3's bytes still pending)
        }
        assertThat(order.violations()).hasSize(6)
                .anySatisfy(v -> assertThat(v).startsWith("seq 2 acknowledged with bytes 4-8 of the journal not yet fsynced"))
                .anySatisfy(v -> assertThat(v).startsWith("seq 3 acknowledged with bytes 8-14"))
                .anySatisfy(v -> assertThat(v).startsWith("seq 4 acknowledged with bytes 8-14"))
                .anySatisfy(v -> assertThat(v).startsWith("seq 2 acknowledged before an fsync of its write"))
                .anySatisfy(v -> assertThat(v).startsWith("seq 3 acknowledged before an fsync of its write"))
                .anySatisfy(v -> assertThat(v).startsWith("seq 4 acknowledged without a write"));
        assertThat(order.violations()).noneMatch(v -> v.startsWith("seq 1 "));
    }

    private static SignedRecord ack(FsyncOrder order, SignedRecord record) {
        order.acknowledged(record);
        return record;
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
