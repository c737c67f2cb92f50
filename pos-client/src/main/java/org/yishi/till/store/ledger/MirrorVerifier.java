package org.yishi.till.store.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.store.TillDatabase;

/**
 * Checks that the journal mirror is a prefix of the journal file without reading the file: the mirror rows must be
 * gapless from seq 1, each line must hash to its recorded hash and name its predecessor's hash, and the last row must
 * be exactly the file's record at that seq. By the hash chain that makes every earlier row equal to the file too, and
 * it needs only the writer's own read of the tail (the writer's lock keeps other readers out on some systems).
 */
final class MirrorVerifier {

    private final TillDatabase db;

    MirrorVerifier(TillDatabase db) {
        this.db = db;
    }

    /** The last mirror row, after checking the chain of all rows; empty if the mirror is empty. */
    Optional<MirrorRow> verifyChain() {
        try (SqlSession s = db.sessions().openSession(); Cursor<MirrorRow> rows = s.getMapper(LedgerMapper.class).allMirrorRows()) {
            MirrorRow previous = null;
            for (MirrorRow row : rows) {
                long expectedSeq = previous == null ? 1 : previous.seq() + 1;
                if (row.seq() != expectedSeq) {
                    throw new MirrorMismatchException(expectedSeq, "journal mirror lacks seq " + expectedSeq + " but holds seq "
                            + row.seq() + ": the till database lost records it had committed");
                }
                String expectedPrev = previous == null ? JournalFormat.GENESIS_PREV : previous.recordHash();
                if (!row.prevHash().equals(expectedPrev)) {
                    throw new MirrorMismatchException(row.seq(), "journal mirror seq " + row.seq() + " names previous hash "
                            + row.prevHash() + " but seq " + (row.seq() - 1) + " has hash " + expectedPrev);
                }
                String bodyHash = JournalFormat.sha256Hex(body(row.line()).getBytes(StandardCharsets.UTF_8));
                if (!bodyHash.equals(row.recordHash())) {
                    throw new MirrorMismatchException(row.seq(), "journal mirror seq " + row.seq() + ": the stored line hashes to "
                            + bodyHash + ", not to its recorded hash " + row.recordHash());
                }
                previous = row;
            }
            return Optional.ofNullable(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the mirror cursor failed", e);
        }
    }

    /** Checks the last mirror row against the file's record at the same seq (read through the writer). */
    static void checkAnchor(MirrorRow last, Optional<SignedRecord> fileRecord, long journalLastSeq) {
        if (fileRecord.isEmpty()) {
            throw new MirrorMismatchException(last.seq(), "the till database mirrors journal records up to seq " + last.seq()
                    + " but the journal file ends at seq " + journalLastSeq + ": the journal file was truncated or replaced");
        }
        SignedRecord r = fileRecord.get();
        if (!r.line().equals(last.line())) {
            throw new MirrorMismatchException(last.seq(), "journal mirror seq " + last.seq() + " differs from the journal file:"
                    + " the database has hash " + last.recordHash() + ", the file " + r.hash()
                    + ": one of them was altered or replaced");
        }
    }

    private static String body(String line) {
        return line.substring(line.indexOf(' ') + 1);
    }
}
