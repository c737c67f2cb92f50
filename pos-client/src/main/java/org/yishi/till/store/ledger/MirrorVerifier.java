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

    /**
     * The last mirror row, after checking the chain of all rows; empty if the mirror is empty.
     *
     * @param stopAtGap after an unclean shutdown: a missing seq ends the check (the rows after it are crash leftovers
     *                  about to be rewritten) instead of being an alarm
     */
    Optional<MirrorRow> verifyChain(boolean stopAtGap) {
        try (SqlSession s = db.sessions().openSession(); Cursor<MirrorRow> rows = s.getMapper(LedgerMapper.class).allMirrorRows()) {
            MirrorRow previous = null;
            for (MirrorRow row : rows) {
                long expectedSeq = previous == null ? 1 : previous.seq() + 1;
                if (row.seq() != expectedSeq && stopAtGap) {
                    break;
                }
                if (row.seq() != expectedSeq) {
                    throw new MirrorMismatchException(expectedSeq, "journal mirror lacks seq " + expectedSeq + " but holds seq "
                            + row.seq() + ": the till database lost records it had committed");
                }
                String expectedPrev = previous == null ? JournalFormat.GENESIS_PREV : previous.recordHash();
                if (!row.prevHash().equals(expectedPrev)) {
                    throw new MirrorMismatchException(row.seq(), "journal mirror seq " + row.seq() + " names previous hash "
                            + row.prevHash() + " but seq " + (row.seq() - 1) + " has hash " + expectedPrev);
                }
                checkLineHash(row);
                previous = row;
            }
            return Optional.ofNullable(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the mirror cursor failed", e);
        }
    }

    /**
     * The last mirror row, after checking that no row is missing and that the rows from {@code fromSeq} (a checkpoint's
     * record) on chain and hash correctly — what an open from a checkpoint checks, so it does not hash every row the
     * mirror has ever held. Empty if the mirror holds no row from {@code fromSeq}.
     */
    Optional<MirrorRow> verifyFrom(long fromSeq) {
        try (SqlSession s = db.sessions().openSession()) {
            LedgerMapper m = s.getMapper(LedgerMapper.class);
            Long max = m.maxMirroredSeq();
            long count = m.mirrorCount();
            // seq is the primary key and every seq is at least 1: as many rows as the highest seq means none is missing.
            if (max != null && count != max) {
                throw new MirrorMismatchException(max, "journal mirror holds " + count + " rows for seq 1.." + max
                        + ": the till database lost records it had committed");
            }
            MirrorRow previous = null;
            try (Cursor<MirrorRow> rows = m.mirrorRowsFrom(fromSeq)) {
                for (MirrorRow row : rows) {
                    if (previous != null && !row.prevHash().equals(previous.recordHash())) {
                        throw new MirrorMismatchException(row.seq(), "journal mirror seq " + row.seq() + " names previous hash "
                                + row.prevHash() + " but seq " + previous.seq() + " has hash " + previous.recordHash());
                    }
                    checkLineHash(row);
                    previous = row;
                }
            }
            return Optional.ofNullable(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the mirror cursor failed", e);
        }
    }

    private static void checkLineHash(MirrorRow row) {
        String bodyHash = JournalFormat.sha256Hex(body(row.line()).getBytes(StandardCharsets.UTF_8));
        if (!bodyHash.equals(row.recordHash())) {
            throw new MirrorMismatchException(row.seq(), "journal mirror seq " + row.seq() + ": the stored line hashes to "
                    + bodyHash + ", not to its recorded hash " + row.recordHash());
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
