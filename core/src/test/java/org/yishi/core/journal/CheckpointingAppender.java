package org.yishi.core.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Child process for {@link CheckpointResumeTest}: opens the journal from the checkpoint stored beside it (if any), then
 * writes sales, voids, refunds, reprints, ratings and shift changes forever, storing a new checkpoint every few
 * records, until it is killed. Prints each seq once it is acknowledged.
 */
final class CheckpointingAppender {

    private CheckpointingAppender() {
    }

    public static void main(String[] args) {
        Path journal = Path.of(args[0]);
        Path checkpointFile = Path.of(args[2]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[3]));
        TillKeys keys = TillKeys.load(Path.of(args[1]));
        Clock clock = Clock.system(SteppingClock.SHANGHAI);
        try (JournalWriter w = StoredCheckpoint.resume(checkpointFile, journal)
                .map(resume -> JournalWriter.open(journal, keys, CheckpointResumeTest.TILL, clock, resume))
                .orElseGet(() -> JournalWriter.open(journal, keys, CheckpointResumeTest.TILL, clock))) {
            List<Long> sales = new ArrayList<>();
            List<SalePayload> payloads = new ArrayList<>();
            for (long n = 0; ; n++) {
                if (w.openShiftNo().isEmpty()) {
                    acknowledge(w.append(new ShiftOpenPayload(w.lastSeq() + 1, "cashier", 0)));
                    sales.clear();
                    payloads.clear();
                }
                long shift = w.openShiftNo().getAsLong();
                int pick = random.nextInt(20);
                SignedRecord r;
                if (pick == 0 && !sales.isEmpty()) {
                    int i = random.nextInt(sales.size());
                    r = w.append(ReversalPayload.voiding(sales.remove(i), payloads.remove(i), shift, "cashier", "supervisor", "wrong dish"));
                } else if (pick == 1 && !sales.isEmpty()) {
                    long seq = sales.get(random.nextInt(sales.size()));
                    r = w.append(new ReprintPayload(seq, w.reprintCount(seq) + 1, "cashier", "paper jam"));
                } else if (pick == 2) {
                    r = w.append(w.prepareShiftClose("supervisor", null));
                } else {
                    SalePayload sale = SampleJournal.zengchengSale("K-" + System.nanoTime(), shift, "E" + n,
                            IdentificationMethod.CARD, "0A0B", null, "cash", false);
                    r = w.append(sale);
                    sales.add(r.seq());
                    payloads.add(sale);
                }
                acknowledge(r);
                if (random.nextInt(7) == 0) {
                    StoredCheckpoint.save(checkpointFile, w);
                }
            }
        }
    }

    private static void acknowledge(SignedRecord r) {
        System.out.println(r.seq());
        System.out.flush();
    }
}
