package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.yishi.core.journal.KeyRotationPayload;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;

/**
 * Which key a journal file says signs its next record, read from its last records only: after a rotation was cut
 * short by a crash, the till must know whether the KEY_ROTATION reached the journal before it picks a key file, and
 * reading a year of journal for that is not needed. Not a verification: the writer checks everything when it opens.
 */
final class JournalKeyInForce {

    /** Two lines of the longest size a journal line may have (1 MiB), and their newlines. */
    private static final int TAIL_BYTES = 2 * (1 << 20) + 2;

    private JournalKeyInForce() {
    }

    /**
     * The key id in force after the journal's last complete record — its {@code keyId}, or the new key of a
     * KEY_ROTATION — or empty for a journal without records. An unterminated or unreadable last line is ignored:
     * it is a torn write the writer cuts off on open.
     *
     * @throws IllegalStateException if the last records cannot be read at all (the writer would refuse the journal)
     */
    static Optional<String> of(Path journal) {
        if (!Files.exists(journal)) {
            return Optional.empty();
        }
        byte[] tail;
        long from;
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            from = Math.max(0, ch.size() - TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (ch.size() - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) >= 0) {
                // read the whole tail
            }
            tail = buf.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journal + ": " + e.getMessage(), e);
        }
        int end = lastNewline(tail, tail.length);
        for (int tries = 0; tries < 2 && end >= 0; tries++) {
            int start = lastNewline(tail, end) + 1;
            if (start == 0 && from > 0) {
                break;
            }
            String line = new String(tail, start, end - start, StandardCharsets.UTF_8);
            try {
                SignedRecord r = JournalReader.parseLine(line);
                return Optional.of(r.type() == RecordType.KEY_ROTATION
                        ? ((KeyRotationPayload) r.typedPayload()).newKeyId() : r.keyId());
            } catch (IllegalArgumentException unreadable) { // MalformedRecordException, InvalidPayloadException
                if (end != tail.length - 1) {
                    break; // an unreadable line followed by more bytes is damage, not a torn write
                }
                end = start - 1; // a torn last line: the record before it counts
            }
        }
        if (end < 0 && from == 0) {
            return Optional.empty(); // no complete line: a new journal, or only a torn first line
        }
        throw new IllegalStateException("cannot tell which key journal " + journal + " is signed with: its last records are unreadable");
    }

    private static int lastNewline(byte[] bytes, int before) {
        for (int i = before - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
