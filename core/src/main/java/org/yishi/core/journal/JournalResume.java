package org.yishi.core.journal;

import java.util.Objects;

/**
 * Where a {@link JournalWriter} takes up a journal on open instead of replaying it from seq 1: the verified state
 * after one record (a checkpoint the till stored beside the journal), where that record starts in the file, and what
 * the rules need to know about the records before it. The writer trusts none of it blindly: the record at
 * {@code offset} must be the checkpoint's seq with the checkpoint's hash, or the writer replays the whole file.
 *
 * @param checkpoint the state after record {@code checkpoint.seq()}
 * @param offset     the byte offset at which that record's line starts
 * @param earlier    facts about the records up to the checkpoint (sales, reversals, receipt numbers, ...)
 * @param offsets    where each record before the checkpoint starts, for reading old records
 */
public record JournalResume(JournalCheckpoint checkpoint, long offset, EarlierRecords earlier, EarlierOffsets offsets) {

    /** Where the records before a checkpoint start in the journal file. */
    @FunctionalInterface
    public interface EarlierOffsets {
        /**
         * The byte offset at which record {@code seq} (1 ≤ seq &lt; the checkpoint's) starts.
         *
         * @throws IllegalStateException if the store does not know it
         */
        long offsetOf(long seq);
    }

    public JournalResume {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, found " + offset);
        }
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(offsets, "offsets");
    }
}
