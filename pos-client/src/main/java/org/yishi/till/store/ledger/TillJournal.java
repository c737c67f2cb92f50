package org.yishi.till.store.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.journal.JournalCheckpoint;
import org.yishi.core.journal.JournalPayload;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalRejectedException;
import org.yishi.core.journal.JournalResume;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.Totals;
import org.yishi.till.store.TillDatabase;

/**
 * The till's durable write path. Every record goes FIRST to the signed journal file, which returns only after fsync
 * (the journal is the system of record), THEN into the till database — mirror row and sales-index row in one H2
 * transaction — and only then is the append acknowledged. A crash between the two loses nothing: on open the
 * database is brought up to date from the file.
 *
 * <p>Appends are serialised (one lock around journal append and indexing), so the mirror is always a prefix of the
 * journal. Write every record through here, never through the {@link JournalWriter} directly.
 */
public final class TillJournal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TillJournal.class.getName());

    /** Replay commits every this many records. */
    static final int REPLAY_BATCH = 500;
    /** A catch-up longer than this streams the file instead of reading it through the writer (which holds it all). */
    static final long STREAM_THRESHOLD = 5_000;

    private final TillDatabase db;
    private final JournalOpener opener;
    private final JournalProjection projection;
    private final long streamThreshold;
    private final boolean rewrite;
    private JournalWriter writer;
    /** The checkpoint's seq the writer took the journal up at on open, 0 if it replayed the whole file. */
    private long resumedFrom;
    private long mirroredSeq;
    private MirrorRecovery recovery;

    private TillJournal(TillDatabase db, JournalOpener opener, ZoneId zone, long streamThreshold, boolean rewrite) {
        this.db = db;
        this.opener = opener;
        this.projection = new JournalProjection(zone);
        this.streamThreshold = streamThreshold;
        this.rewrite = rewrite;
        db.addMapper(LedgerMapper.class);
    }

    /**
     * Opens the journal (the writer recovers a torn tail) and brings the database's mirror and sales index up to date.
     *
     * @param opener  opens the journal writer; called again if a long catch-up has to stream the file
     * @param zone    the zone sale times are indexed in (the policy's)
     * @param rewrite after checking the mirror against the journal, empty mirror and sales index and write them again
     *                from the journal file. Use it after an unclean shutdown: H2's background writer can have stored half
     *                of a transaction that was in flight, and such a half-written row can become visible or invisible
     *                depending on which transaction ids are open later; TRUNCATE removes it, whatever its state.
     * @throws MirrorMismatchException if the database's mirror is not a prefix of the journal file
     */
    public static TillJournal open(TillDatabase db, JournalOpener opener, ZoneId zone, boolean rewrite) {
        return open(db, opener, zone, STREAM_THRESHOLD, rewrite);
    }

    /** As {@link #open(TillDatabase, JournalOpener, ZoneId, boolean)} with a writer that always replays the whole file. */
    public static TillJournal open(TillDatabase db, Supplier<JournalWriter> opener, ZoneId zone, boolean rewrite) {
        return open(db, resume -> opener.get(), zone, STREAM_THRESHOLD, rewrite);
    }

    static TillJournal open(TillDatabase db, JournalOpener opener, ZoneId zone, long streamThreshold, boolean rewrite) {
        TillJournal journal = new TillJournal(db, opener, zone, streamThreshold, rewrite);
        // After an unclean shutdown the mirror is rebuilt from the file, so nothing in the database is relied on.
        Optional<JournalResume> resume = rewrite ? Optional.empty() : journal.storedResume();
        journal.writer = opener.open(resume);
        try {
            if (journal.writer.resumed()) {
                journal.resumedFrom = resume.orElseThrow().checkpoint().seq();
            }
            journal.recovery = journal.recover();
            return journal;
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    private MirrorRecovery recover() {
        List<String> notes = writer.recoveryNotes();
        // After an unclean shutdown the mirror's last rows may be half-written leftovers: check the part up to the first
        // gap (everything there came from the journal, so a row that differs from the file is still an alarm).
        // From a checkpoint only the mirror's rows from the checkpoint's record on are checked (and that none is missing):
        // those before it were checked when that checkpoint was stored. Otherwise the whole chain.
        Optional<MirrorRow> last = resumedFrom > 0 ? new MirrorVerifier(db).verifyFrom(resumedFrom)
                : new MirrorVerifier(db).verifyChain(rewrite);
        long before = last.map(MirrorRow::seq).orElse(0L);
        long journalLast = writer.lastSeq();
        if (before > journalLast) {
            MirrorVerifier.checkAnchor(last.get(), Optional.empty(), journalLast);
        }
        boolean streamed;
        long replayed;
        if (rewrite) {
            // Never catch up into tables that may hold half-written rows: check, then empty them and write all again.
            if (last.isPresent()) {
                MirrorVerifier.checkAnchor(last.get(), fileRecordAt(before), journalLast);
            }
            truncateMirrorAndSales();
            streamed = journalLast > streamThreshold;
            replayed = streamed ? streamCatchUp(Optional.empty(), 0) : replay(writer.readFrom(1));
            mirroredSeq = replayed;
        } else {
            streamed = journalLast - before > streamThreshold;
            if (streamed) {
                replayed = streamCatchUp(last, before);
            } else {
                List<SignedRecord> tail = writer.readFrom(Math.max(before, 1));
                if (last.isPresent()) {
                    MirrorVerifier.checkAnchor(last.get(), tail.stream().findFirst().filter(r -> r.seq() == before), journalLast);
                    tail = tail.subList(1, tail.size());
                }
                replayed = replay(tail);
            }
            mirroredSeq = before + replayed;
        }
        if (mirroredSeq != writer.lastSeq()) {
            throw new IllegalStateException("journal mirror reached seq " + mirroredSeq + " but the journal ends at " + writer.lastSeq());
        }
        boolean salesRebuilt = rebuildSalesIndexIfInconsistent();
        saveCheckpoint();
        return new MirrorRecovery(before, journalLast, replayed, streamed, salesRebuilt, rewrite, notes, resumedFrom);
    }

    /**
     * The checkpoint the database holds, if it can be used: one whose every earlier record the mirror holds. A stored
     * checkpoint that does not parse is ignored (and logged): the journal is then replayed, which is slow but sound.
     */
    private Optional<JournalResume> storedResume() {
        StoredCheckpoint stored;
        try (SqlSession s = db.sessions().openSession()) {
            stored = s.getMapper(LedgerMapper.class).checkpoint();
        }
        if (stored == null) {
            return Optional.empty();
        }
        JournalCheckpoint checkpoint;
        try {
            checkpoint = JournalCheckpoint.fromJson(stored.checkpoint());
        } catch (IllegalArgumentException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "the stored journal checkpoint is unreadable, replaying the journal: {0}",
                    unreadable.getMessage());
            return Optional.empty();
        }
        MirrorEarlierRecords earlier = new MirrorEarlierRecords(db, checkpoint.seq());
        return Optional.of(new JournalResume(checkpoint, stored.recordOffset(), earlier, earlier));
    }

    /**
     * Stores the writer's state after the last record, to open from next time — only while the mirror holds every record
     * (the next open asks it about the records up to the checkpoint). Failing to store it costs the next open time, not
     * data, so a failure is logged and the older checkpoint (still a true state of the journal) stays.
     */
    private void saveCheckpoint() {
        if (writer == null || mirroredSeq != writer.lastSeq()) {
            return;
        }
        Optional<JournalCheckpoint> checkpoint = writer.checkpoint();
        if (checkpoint.isEmpty()) {
            return;
        }
        StoredCheckpoint row = new StoredCheckpoint(checkpoint.get().seq(), writer.offsetOf(checkpoint.get().seq()),
                checkpoint.get().toJson());
        try (SqlSession s = db.sessions().openSession()) {
            s.getMapper(LedgerMapper.class).saveCheckpoint(row);
            s.commit();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "storing the journal checkpoint at seq {0} failed: {1}", row.seq(), e.toString());
        }
    }

    /** The journal's record at {@code seq}, read through the writer, or streamed from the file if the tail is long. */
    private Optional<SignedRecord> fileRecordAt(long seq) {
        if (writer.lastSeq() - seq <= streamThreshold) {
            return writer.read(seq);
        }
        Path file = writer.file();
        writer.close();
        writer = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                SignedRecord r = JournalReader.parseLine(line);
                if (r.seq() == seq) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        } finally {
            writer = opener.open(Optional.empty());
        }
    }

    private void truncateMirrorAndSales() {
        try (SqlSession s = db.sessions().openSession()) {
            LedgerMapper m = s.getMapper(LedgerMapper.class);
            m.truncateSales();
            m.truncateMirror();
            m.deleteCheckpoint();
            s.commit();
        }
    }

    /**
     * Streams the journal file past the mirror's end: bounded memory however long the journal is. The writer is closed
     * meanwhile so the file can be read on systems whose file locks block readers, and reopened afterwards.
     */
    private long streamCatchUp(Optional<MirrorRow> last, long before) {
        Path file = writer.file();
        long expectedLast = writer.lastSeq();
        writer.close();
        writer = null;
        long replayed;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             Replayer replayer = new Replayer()) {
            String line;
            long offset = 0;
            while ((line = in.readLine()) != null) {
                SignedRecord r = JournalReader.parseLine(line);
                if (last.isPresent() && r.seq() == before) {
                    MirrorVerifier.checkAnchor(last.get(), Optional.of(r), expectedLast);
                } else if (r.seq() > before) {
                    replayer.accept(r, offset);
                }
                offset += utf8Length(line) + 1;
            }
            replayed = replayer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        } finally {
            writer = opener.open(storedResume());
        }
        if (writer.lastSeq() != expectedLast) {
            throw new IllegalStateException("journal " + file + " changed while it was being replayed: it ended at seq "
                    + expectedLast + ", now at " + writer.lastSeq());
        }
        return replayed;
    }

    /** Bytes of {@code line} in UTF-8 (a journal line holds no line breaks: JSON escapes them). */
    private static long utf8Length(String line) {
        long bytes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private long replay(List<SignedRecord> records) {
        try (Replayer replayer = new Replayer()) {
            records.forEach(r -> replayer.accept(r, writer.offsetOf(r.seq())));
            return replayer.finish();
        }
    }

    /** Writes records through the projection in batches, committing every {@value #REPLAY_BATCH}. */
    private final class Replayer implements AutoCloseable {
        private final SqlSession session = db.sessions().openSession(ExecutorType.BATCH, false);
        private final LedgerMapper mapper = session.getMapper(LedgerMapper.class);
        private long count;
        private long expectedSeq = -1;

        void accept(SignedRecord r, long fileOffset) {
            if (expectedSeq >= 0 && r.seq() != expectedSeq) {
                throw new IllegalStateException("journal replay expected seq " + expectedSeq + " but read seq " + r.seq());
            }
            expectedSeq = r.seq() + 1;
            projection.apply(mapper, r, fileOffset);
            if (++count % REPLAY_BATCH == 0) {
                session.commit();
            }
        }

        long finish() {
            session.commit();
            return count;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /**
     * The sales index is derived from the mirror: if its counts disagree with the mirror's SALE, VOID and REFUND records,
     * it is rebuilt from the mirror's lines (which have just been checked against the file). Returns whether it was.
     */
    private boolean rebuildSalesIndexIfInconsistent() {
        try (SqlSession s = db.sessions().openSession(ExecutorType.BATCH, false)) {
            LedgerMapper m = s.getMapper(LedgerMapper.class);
            // Equal counts and no SALE without a row mean the same set of sales; reversals are checked by count. From a
            // checkpoint only the records after it: the index was checked up to it when the checkpoint was stored, and
            // every later row was written in the transaction of its mirror row.
            long after = resumedFrom;
            boolean consistent = m.unindexedSales(after) == 0 && m.saleCountAfter(after) == m.mirrorCountAfter("SALE", after)
                    && m.voidedCount(after) == m.mirrorCountAfter("VOID", after)
                    && m.refundedCount(after) == m.mirrorCountAfter("REFUND", after);
            if (consistent) {
                return false;
            }
            m.deleteAllSales();
            try (SqlSession reader = db.sessions().openSession(); Cursor<MirrorRow> rows = reader.getMapper(LedgerMapper.class).saleRelatedMirrorRows()) {
                for (MirrorRow row : rows) {
                    projection.applyToSalesIndex(m, JournalReader.parseLine(row.line()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("closing the mirror cursor failed", e);
            }
            s.commit();
            return true;
        }
    }

    /**
     * Commits a sale: fsynced in the journal, then indexed, all under the journal's lock. {@code maker} is called
     * inside the lock with the seq the SALE will get, so the receipt number it derives from the seq is the record's,
     * and whatever it reads from the sales index (limits) cannot change before the record is written. It returns
     * empty to withdraw (the quote changed): nothing is written then.
     *
     * <p>Never throws for a failed write: the outcome says whether the sale is recorded. When the write or fsync
     * fails the writer is reopened (recovering a complete line, cutting a torn one) and the journal read back.
     *
     * @param billId the bill's id, which the SALE carries: how a failed write is looked for when it is read back
     */
    public synchronized SaleCommit commitSale(String billId, LongFunction<Optional<SalePayload>> maker) {
        requireOpen();
        try {
            catchUp();
        } catch (IllegalStateException indexBroken) {
            return new SaleCommit.NotRecorded(indexBroken.getMessage());
        }
        long seq = writer.lastSeq() + 1;
        Optional<SalePayload> made;
        try {
            made = maker.apply(seq);
        } catch (RuntimeException cannotMake) {
            // Nothing written yet (e.g. the sales index could not be read for the limits): the sale is not recorded.
            LOG.log(System.Logger.Level.WARNING, "sale of bill {0} not recorded: {1}", billId, cannotMake.toString());
            return new SaleCommit.NotRecorded("the sale could not be prepared: " + cannotMake.getMessage());
        }
        if (made.isEmpty()) {
            return new SaleCommit.Withdrawn();
        }
        SalePayload sale = made.get();
        if (!billId.equals(sale.billId())) {
            throw new IllegalArgumentException("the SALE carries bill " + sale.billId() + ", not " + billId);
        }
        SignedRecord record;
        try {
            record = writer.append(sale);
        } catch (JournalRejectedException refused) {
            return new SaleCommit.NotRecorded(refused.getMessage());
        } catch (UncheckedIOException failedWrite) {
            return readBack(billId, seq, failedWrite);
        }
        return index(record, sale);
    }

    private SaleCommit index(SignedRecord record, SalePayload sale) {
        try (SqlSession s = db.sessions().openSession()) {
            projection.apply(s.getMapper(LedgerMapper.class), record, writer.offsetOf(record.seq()));
            s.commit();
        } catch (RuntimeException e) {
            // Recorded all the same: the next append catches the index up (catchUp) before writing anything.
            return new SaleCommit.Recorded(record, sale, false);
        }
        mirroredSeq = record.seq();
        return new SaleCommit.Recorded(record, sale, true);
    }

    /** After a failed write: reopen the journal (its recovery keeps a complete line) and look for the bill at seq. */
    private SaleCommit readBack(String billId, long seq, UncheckedIOException failedWrite) {
        try {
            writer.close();
        } catch (RuntimeException alreadyBroken) {
            // The writer is being replaced; what matters is what the reopened journal holds.
        }
        writer = null;
        try {
            writer = opener.open(storedResume());
        } catch (RuntimeException cannotReopen) {
            return new SaleCommit.Unresolved(failedWrite.getMessage() + "; reopening the journal failed too: " + cannotReopen.getMessage());
        }
        if (writer.lastSeq() < seq) {
            return new SaleCommit.NotRecorded(failedWrite.getMessage() + "; read back: the journal ends at seq " + writer.lastSeq());
        }
        SignedRecord found = writer.read(seq).orElseThrow();
        if (found.typedPayload() instanceof SalePayload sale && billId.equals(sale.billId())) {
            return index(found, sale);
        }
        return new SaleCommit.Unresolved("seq " + seq + " after a failed write is not the SALE of bill " + billId);
    }

    /**
     * Appends any record (shift open/close, void, refund, ...) the same way as a sale.
     *
     * @throws IllegalStateException if an earlier record is still not indexed and the database still refuses it: no new
     *                               record is written while limits could be computed from an incomplete index
     */
    public synchronized SignedRecord append(JournalPayload payload) {
        requireOpen();
        catchUp();
        return mirror(writer.append(payload));
    }

    /**
     * Writes a KEY_ROTATION to {@code newKeys} ({@link JournalWriter#rotateKey}) the way {@link #append} writes any
     * record. Save the new key file durably first; {@link org.yishi.till.store.TillStore#rotateKey} does it all.
     */
    public synchronized SignedRecord rotateKey(TillKeys newKeys, String reason) {
        requireOpen();
        catchUp();
        return mirror(writer.rotateKey(newKeys, reason));
    }

    /** The database part of an append: the mirror row (and index row), after the journal line is on disk. */
    private SignedRecord mirror(SignedRecord record) {
        try (SqlSession s = db.sessions().openSession()) {
            projection.apply(s.getMapper(LedgerMapper.class), record, writer.offsetOf(record.seq()));
            s.commit();
        } catch (RuntimeException e) {
            throw new RecordedButNotIndexedException(record, e);
        }
        mirroredSeq = record.seq();
        return record;
    }

    /** Indexes records the journal has but the database missed (an earlier indexing failure). */
    private void catchUp() {
        if (writer.lastSeq() == mirroredSeq) {
            return;
        }
        try {
            // Ask the database, not our counter: a failed append may have committed in H2 after all.
            try (SqlSession s = db.sessions().openSession()) {
                Long max = s.getMapper(LedgerMapper.class).maxMirroredSeq();
                mirroredSeq = max == null ? 0 : max;
            }
            mirroredSeq += replay(writer.readFrom(mirroredSeq + 1));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the till database cannot index journal records from seq " + (mirroredSeq + 1)
                    + " on, so no new record is written (subsidy limits need a complete index): restart the till: "
                    + e.getMessage(), e);
        }
    }

    /** The latest time the journal has reached (see {@link JournalWriter#latestRecordTime()}), for the clock check. */
    public synchronized Optional<java.time.OffsetDateTime> latestRecordTime() {
        requireOpen();
        return writer.latestRecordTime();
    }

    /** Last seq in the journal file. */
    public synchronized long lastSeq() {
        requireOpen();
        return writer.lastSeq();
    }

    /** Last seq in the database's mirror (equal to {@link #lastSeq()} except after an indexing failure). */
    public synchronized long mirroredSeq() {
        return mirroredSeq;
    }

    /** What open did to bring the database up to date. */
    public MirrorRecovery recovery() {
        return recovery;
    }

    /** The record at {@code seq}, read at its offset in the journal file (one seek, however old the journal). */
    public synchronized Optional<SignedRecord> read(long seq) {
        requireOpen();
        return writer.read(seq);
    }

    /** The records {@code fromSeq..toSeq}, read from the first one's offset. */
    public synchronized List<SignedRecord> readRange(long fromSeq, long toSeq) {
        requireOpen();
        return writer.readRange(fromSeq, toSeq);
    }

    /** How many REPRINT records name record {@code originalSeq} (kept by the writer's ledger: no reading). */
    public synchronized long reprintCount(long originalSeq) {
        requireOpen();
        return writer.reprintCount(originalSeq);
    }

    /** Records from {@code fromSeq} on, read back from the journal file (for sync). */
    public synchronized List<SignedRecord> readFrom(long fromSeq) {
        requireOpen();
        return writer.readFrom(fromSeq);
    }

    /** The SHIFT_CLOSE of the open shift, for {@link #append(JournalPayload)}. */
    public synchronized ShiftClosePayload prepareShiftClose(String closedBy, Long countedCashFen) {
        requireOpen();
        return writer.prepareShiftClose(closedBy, countedCashFen);
    }

    /** Seq of the OFFLINE_START in force, if the till is journalled as offline from its server. */
    public synchronized OptionalLong offlineSinceSeq() {
        requireOpen();
        return writer.offlineSinceSeq();
    }

    public synchronized OptionalLong openShiftNo() {
        requireOpen();
        return writer.openShiftNo();
    }

    public synchronized Totals grandTotals() {
        requireOpen();
        return writer.grandTotals();
    }

    public synchronized Path file() {
        requireOpen();
        return writer.file();
    }

    private void requireOpen() {
        if (writer == null) {
            throw new IllegalStateException("till journal is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            saveCheckpoint();
            writer.close();
            writer = null;
        }
    }
}
