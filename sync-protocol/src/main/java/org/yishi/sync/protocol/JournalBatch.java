package org.yishi.sync.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One upload: journal lines of one till, verbatim (without their line break), for the contiguous seqs
 * {@code fromSeq .. fromSeq + lines.size() - 1}. The server verifies them from the last record it holds and stores each
 * line byte for byte; {@code fromSeq} only says where the till believes the batch starts, the lines' own seqs decide.
 *
 * @param tillId  the till the lines belong to (must be the token's till)
 * @param fromSeq seq of the first line
 * @param lines   1..{@link #MAX_LINES} journal lines
 */
public record JournalBatch(String tillId, long fromSeq, List<String> lines) {

    /** Most lines in one batch; a till sends more as several batches. */
    public static final int MAX_LINES = 2_000;

    public JournalBatch {
        Objects.requireNonNull(tillId, "tillId");
        if (fromSeq < 1) {
            throw new IllegalArgumentException("fromSeq must be at least 1, found " + fromSeq);
        }
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_LINES + " lines, found " + lines.size());
        }
        lines = List.copyOf(lines);
    }

    /** Seq of the last line. */
    public long toSeq() {
        return fromSeq + lines.size() - 1;
    }
}
