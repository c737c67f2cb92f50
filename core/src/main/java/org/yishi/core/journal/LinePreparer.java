package org.yishi.core.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The part of verification that needs no state from earlier records, done on any thread ahead of the rules: parse
 * the line (canonical form, fields, hash), read the payload, and check the signature with the candidate key the
 * record names ({@link KeyCandidates}). Parsing and Ed25519 are nearly all the cost of verifying a journal.
 *
 * <p>One instance per thread (it keeps a {@link RecordParser}); the candidates are shared.
 */
final class LinePreparer {

    private final RecordParser parser = new RecordParser();
    private final KeyCandidates keys;

    LinePreparer(KeyCandidates keys) {
        this.keys = keys;
    }

    List<PreparedLine> prepareAll(List<JournalLineReader.Line> lines) {
        List<PreparedLine> prepared = new ArrayList<>(lines.size());
        for (JournalLineReader.Line line : lines) {
            prepared.add(prepare(line));
        }
        return prepared;
    }

    PreparedLine prepare(JournalLineReader.Line line) {
        if (line.text() == null || !line.terminated()) {
            return PreparedLine.unreadable(line);
        }
        try {
            // Encoded once: the body is hashed and its signature checked from these bytes.
            byte[] bytes = line.bytes() != null ? line.bytes() : line.text().getBytes(StandardCharsets.UTF_8);
            SignedRecord record;
            try {
                record = parser.parse(line.text(), bytes);
            } catch (MalformedRecordException e) {
                return new PreparedLine(line, null, e, null, null, null);
            }
            PayloadReading payload = PayloadReading.of(record);
            if (record.type() == RecordType.TILL_START || record.type() == RecordType.KEY_ROTATION) {
                payload.ifRead(keys::offer);
            }
            // TILL_START is signed by the key it announces: the rules check it.
            Ed25519VerifyKey verifiedWith = null;
            if (record.type() != RecordType.TILL_START) {
                Ed25519VerifyKey candidate = keys.get(record.keyId());
                int from = RecordParser.bodyOffset(bytes);
                if (candidate != null && candidate.verify(bytes, from, bytes.length - from, Base64.getDecoder().decode(record.signature()))) {
                    verifiedWith = candidate;
                }
            }
            return new PreparedLine(line, record, null, payload, verifiedWith, null);
        } catch (RuntimeException e) {
            return new PreparedLine(line, null, null, null, null, e);
        }
    }
}
