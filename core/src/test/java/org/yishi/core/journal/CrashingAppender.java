package org.yishi.core.journal;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process for {@link JournalCrashTest}: appends sales forever and prints each seq once {@code append} has
 * returned (that is, once the record is acknowledged), until it is killed.
 */
final class CrashingAppender {

    private CrashingAppender() {
    }

    public static void main(String[] args) {
        TillKeys keys = TillKeys.load(Path.of(args[1]));
        try (JournalWriter w = JournalWriter.open(Path.of(args[0]), keys, "CRASH-1", Clock.system(SteppingClock.SHANGHAI))) {
            if (w.openShiftNo().isEmpty()) {
                w.append(new ShiftOpenPayload(w.lastSeq() + 1, "cashier", 0));
            }
            long shift = w.openShiftNo().getAsLong();
            for (int i = 0; ; i++) {
                SignedRecord r = w.append(SampleJournal.zengchengSale("C-" + System.nanoTime(), shift, "E" + i,
                        IdentificationMethod.CARD, "0A0B", null, "cash", false));
                System.out.println(r.seq());
                System.out.flush();
            }
        }
    }
}
