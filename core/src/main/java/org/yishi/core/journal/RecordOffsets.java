package org.yishi.core.journal;

import java.util.Arrays;

/**
 * Where each record of a journal starts in its file, by seq: so one record, or a run of them, is read by seeking
 * to it instead of parsing the file from byte 0. Records after {@code base} are kept here (8 bytes a record, filled by
 * the scan recovery makes anyway and by each append); those up to it, when the writer resumed from a checkpoint, come
 * from the till's store ({@link JournalResume.EarlierOffsets}), so an open does not read the whole file to find them.
 */
final class RecordOffsets {

    private final long base;
    private final JournalResume.EarlierOffsets earlier;
    private long[] offsets = new long[1024];
    private long count;

    /** Offsets of a journal read from seq 1. */
    RecordOffsets() {
        this(0, seq -> {
            throw new IllegalStateException("no record " + seq);
        });
    }

    /** Offsets of records after {@code base}; those up to it from {@code earlier}. */
    RecordOffsets(long base, JournalResume.EarlierOffsets earlier) {
        this.base = base;
        this.earlier = earlier;
    }

    /** Records that record {@code seq} starts at byte {@code offset}; seqs come in order from base + 1. */
    void add(long seq, long offset) {
        if (seq != base + count + 1) {
            throw new IllegalStateException("offset of seq " + seq + " recorded after seq " + (base + count));
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.toIntExact(Math.min((long) offsets.length * 2, Integer.MAX_VALUE - 8)));
        }
        offsets[(int) count] = offset;
        count++;
    }

    /** The byte offset of record {@code seq}. */
    long of(long seq) {
        if (seq < 1 || seq > base + count) {
            throw new IllegalArgumentException("no record " + seq + " (the journal has " + (base + count) + ")");
        }
        return seq <= base ? earlier.offsetOf(seq) : offsets[(int) (seq - base - 1)];
    }
}
