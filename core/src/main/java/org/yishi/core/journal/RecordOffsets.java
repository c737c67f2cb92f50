package org.yishi.core.journal;

import java.util.Arrays;

/**
 * Where each record of a journal starts in its file, by seq: so one record, or a run of them, is read by seeking
 * to it instead of parsing the file from byte 0. Rebuilt on every open from the scan recovery makes anyway; 8 bytes
 * a record (a till writing 110,000 records a year holds under 1 MB a year of them).
 */
final class RecordOffsets {

    private long[] offsets = new long[1024];
    private long count;

    /** Records that record {@code seq} starts at byte {@code offset}; seqs come in order from 1. */
    void add(long seq, long offset) {
        if (seq != count + 1) {
            throw new IllegalStateException("offset of seq " + seq + " recorded after seq " + count);
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.toIntExact(Math.min((long) offsets.length * 2, Integer.MAX_VALUE - 8)));
        }
        offsets[(int) count] = offset;
        count++;
    }

    /** The byte offset of record {@code seq}. */
    long of(long seq) {
        if (seq < 1 || seq > count) {
            throw new IllegalArgumentException("no record " + seq + " (the journal has " + count + ")");
        }
        return offsets[(int) (seq - 1)];
    }
}
