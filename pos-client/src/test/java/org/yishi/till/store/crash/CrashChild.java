package org.yishi.till.store.crash;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Random;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.TillJournal;
import org.yishi.till.store.testing.TestSales;

/**
 * The till process {@link TillStoreCrashTest} kills: opens the store (recovering whatever the last kill left) and
 * commits sales in bursts, now and then voiding one or closing the shift. After each commit RETURNS it prints
 * {@code C <seq> <receiptNo> <hash>} (or {@code V ...} for a void) and flushes: a printed seq is an acknowledged one.
 *
 * <p>Arguments: data directory, till id, random seed, round number, largest burst, longest pause between bursts (ms).
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String tillId = args[1];
        Random random = new Random(Long.parseLong(args[2]));
        String round = args[3];
        int maxBurst = Integer.parseInt(args[4]);
        int maxPauseMs = Integer.parseInt(args[5]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        try (TillStore store = TillStore.open(new TillDataDirectory(data), tillId, Clock.system(ZoneId.of("Asia/Shanghai")))) {
            TillJournal journal = store.journal();
            System.err.println("round " + round + " opened: " + store.openReport().summary());
            long shift = journal.openShiftNo().isPresent() ? journal.openShiftNo().getAsLong() : openShift(journal);
            out.println("READY " + journal.lastSeq());
            out.flush();
            SalePayload lastSale = null;
            long lastSaleSeq = 0;
            for (long n = 0; ; ) {
                int burst = 1 + random.nextInt(maxBurst);
                for (int i = 0; i < burst; i++) {
                    if (lastSale != null && random.nextInt(12) == 0) {
                        SignedRecord v = journal.append(ReversalPayload.voiding(lastSaleSeq, lastSale, shift, "C01", "S01", "crash test"));
                        out.println("V " + v.seq() + " " + lastSale.receiptNo() + " " + v.hash());
                        lastSale = null;
                    } else {
                        SalePayload sale = TestSales.lunch("R-" + round + "-" + n++, "E" + random.nextInt(300), shift);
                        SignedRecord s = journal.append(sale);
                        out.println("C " + s.seq() + " " + sale.receiptNo() + " " + s.hash());
                        lastSale = sale;
                        lastSaleSeq = s.seq();
                    }
                    out.flush();
                }
                if (random.nextInt(30) == 0) {
                    journal.append(journal.prepareShiftClose("S01", null));
                    shift = openShift(journal);
                    lastSale = null;
                }
                Thread.sleep(random.nextInt(maxPauseMs));
            }
        }
    }

    /** Shift numbers must increase; the seq the SHIFT_OPEN will get always does. */
    private static long openShift(TillJournal journal) {
        long shiftNo = journal.lastSeq() + 1;
        journal.append(new ShiftOpenPayload(shiftNo, "C01", 0));
        return shiftNo;
    }
}
