package org.yishi.receipts.content;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;
import org.yishi.core.journal.SignedRecord;

/**
 * The journal record a receipt prints: its sequence number, time and hash (what the verification QR names).
 *
 * @param seq  the record's sequence number, from 1
 * @param time when it was written
 * @param hash its hex SHA-256
 */
public record JournalRef(long seq, OffsetDateTime time, String hash) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public JournalRef {
        if (seq < 1) {
            throw new IllegalArgumentException("journal seq must be positive, not " + seq);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(hash, "hash");
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("record hash must be 64 lower-case hex digits, not \"" + hash + "\"");
        }
    }

    public static JournalRef of(SignedRecord record) {
        return new JournalRef(record.seq(), record.time(), record.hash());
    }

    /** The first 12 hex digits: printed on the receipt and carried in its QR. */
    public String shortHash() {
        return hash.substring(0, 12);
    }
}
