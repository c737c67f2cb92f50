package org.yishi.core.journal;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;

/**
 * One record of the journal as stored.
 *
 * @param seq       position in the journal, gapless from 1
 * @param type      kind of record
 * @param tillId    the till that wrote it
 * @param time      when it was written, with the till's offset (Asia/Shanghai: +08:00)
 * @param prevHash  hex SHA-256 of the previous record's canonical body ({@link JournalFormat#GENESIS_PREV} first)
 * @param hash      hex SHA-256 of this record's canonical body
 * @param keyId     id of the key that signed it
 * @param payload   the type-specific fields, unmodifiable, integers as {@link Long}; read it with
 *                  {@link JournalPayload#of(RecordType, Map)}
 * @param signature base64 Ed25519 signature over the canonical body bytes
 * @param line      the exact stored text of the record, without the newline
 */
public record SignedRecord(long seq, RecordType type, String tillId, OffsetDateTime time, String prevHash,
        String hash, String keyId, Map<String, Object> payload, String signature, String line) {

    public SignedRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(line, "line");
    }

    /** The canonical body text: what is hashed and signed. */
    public String body() {
        return line.substring(line.indexOf(' ') + 1);
    }

    /** The payload read as its typed form. */
    public JournalPayload typedPayload() {
        return JournalPayload.of(type, payload);
    }
}
