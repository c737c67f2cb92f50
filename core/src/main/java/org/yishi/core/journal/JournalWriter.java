package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Appends signed, hash-chained records to a till's journal file, one line each, and returns only once the line is
 * on disk ({@link FileChannel#force(boolean)}): an acknowledged record survives a crash or power loss.
 *
 * <p>On open it recovers: every existing line is checked (form, chain, sequence, references, totals; the signature
 * of the last record, which through the hash chain covers all before it), a torn last line — a write cut short by
 * a crash, so never acknowledged — is cut off and saved beside the journal, and anything else that is wrong
 * refuses the open ({@link JournalCorruptException}) without touching the file. A new journal starts with
 * TILL_START. Before each append the record is checked by the same rules as {@link JournalVerifier}, so a record
 * the verifier would reject is refused ({@link JournalRejectedException}) and not written.
 *
 * <p>One writer per file: an OS file lock keeps a second process (or a second writer) out, while readers stay free
 * to read. Thread-safe.
 */
public final class JournalWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JournalWriter.class.getName());
    /** A torn line is at most one record plus file-system padding; more than this is not a torn write. */
    private static final long MAX_TORN_BYTES = 16L * 1024 * 1024;
    /**
     * The lock covers one byte far beyond any journal's end, not the file: on Windows a lock on the data itself
     * would stop every other handle (a sync process, an auditor's copy) from reading the journal.
     */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    private final Path file;
    private final FileChannels channels;
    private final DirectorySync directories;
    private final FileChannel channel;
    private final FileLock lock;
    private final String tillId;
    private final Clock clock;
    /** Set by recovery: replayed from seq 1, or taken up from a checkpoint. */
    private JournalLedger ledger;
    private final List<String> recoveryNotes = new ArrayList<>();
    private RecordOffsets offsets = new RecordOffsets();
    private boolean resumed;
    private TillKeys keys;
    private long size;
    private boolean broken;
    private boolean closed;

    private JournalWriter(Path file, FileChannels channels, DirectorySync directories, FileChannel channel, FileLock lock,
            TillKeys keys, String tillId, Clock clock) {
        this.file = file;
        this.channels = channels;
        this.directories = directories;
        this.channel = channel;
        this.lock = lock;
        this.keys = keys;
        this.tillId = tillId;
        this.clock = clock;
        this.ledger = fromTheStart(tillId);
    }

    private static JournalLedger fromTheStart(String tillId) {
        return new JournalLedger(Map.of(), tillId, JournalVerifier.DEFAULT_TIME_TOLERANCE);
    }

    /**
     * Opens (recovering) or creates the journal of till {@code tillId}, signing with {@code keys}. Record times come
     * from {@code clock} in its zone (use {@code Clock.system(ZoneId.of("Asia/Shanghai"))}).
     *
     * @throws JournalCorruptException if an existing record is bad (other than a torn last line)
     * @throws IllegalStateException   if the file is locked by another writer, or signed with another key
     * @throws UncheckedIOException    if the file cannot be read or written
     */
    public static JournalWriter open(Path journalFile, TillKeys keys, String tillId, Clock clock) {
        return open(journalFile, keys, tillId, clock, FileChannels.SYSTEM, null);
    }

    /**
     * As {@link #open(Path, TillKeys, String, Clock)}, but taking the journal up at {@code resume}'s checkpoint: only
     * the records after it are read and checked, so opening costs the length of the tail, not the age of the journal.
     * If the file's record at the checkpoint's offset is not the checkpoint's (another seq or hash, a shorter file) the
     * checkpoint is not used: the whole file is replayed, and {@link #resumed()} says so.
     */
    public static JournalWriter open(Path journalFile, TillKeys keys, String tillId, Clock clock, JournalResume resume) {
        return open(journalFile, keys, tillId, clock, FileChannels.SYSTEM, Objects.requireNonNull(resume, "resume"));
    }

    /** {@link #open(Path, TillKeys, String, Clock)} with every channel (journal, torn-tail copy, directory) from {@code channels}. */
    static JournalWriter open(Path journalFile, TillKeys keys, String tillId, Clock clock, FileChannels channels) {
        return open(journalFile, keys, tillId, clock, channels, null);
    }

    private static JournalWriter open(Path journalFile, TillKeys keys, String tillId, Clock clock, FileChannels channels,
            JournalResume resume) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        if (tillId == null || !JournalFormat.TILL_ID_PATTERN.matcher(tillId).matches()) {
            throw new IllegalArgumentException("till id must be 1-64 characters of A-Z a-z 0-9 . _ : - starting alphanumeric, found \"" + tillId + "\"");
        }
        Path path = journalFile.toAbsolutePath();
        FileChannel channel = null;
        try {
            Files.createDirectories(path.getParent());
            boolean existed = Files.exists(path);
            DirectorySync directories = DirectorySync.forFileSystemOf(path, channels);
            channel = channels.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("journal " + path + " is already open by another writer");
            }
            JournalWriter writer = new JournalWriter(path, channels, directories, channel, lock, keys, tillId, clock);
            writer.recover(resume);
            if (!existed) {
                directories.sync(path.getParent());
            }
            if (writer.ledger.lastSeq() == 0) {
                writer.write(RecordType.TILL_START, TillStartPayload.of(keys.publicKey()).toPayload(), keys);
            }
            return writer;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open journal " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private void recover(JournalResume resume) throws IOException {
        if (resume != null && resumeAt(resume)) {
            return;
        }
        ledger = fromTheStart(tillId);
        offsets = new RecordOffsets();
        channel.position(0);
        // Not closed: closing the stream would close the channel.
        scan(new JournalLineReader(Channels.newInputStream(channel)), 0, 0, null, 0);
    }

    /**
     * Takes the journal up at the checkpoint if the file's line at its offset is the checkpoint's record; false (nothing
     * changed) if it is not, so the caller replays the file instead.
     */
    private boolean resumeAt(JournalResume resume) throws IOException {
        JournalCheckpoint checkpoint = resume.checkpoint();
        if (!checkpoint.tillId().equals(tillId) || resume.offset() >= channel.size()) {
            return refuseCheckpoint(checkpoint, "it is till " + checkpoint.tillId() + "'s or lies beyond the file's end");
        }
        channel.position(resume.offset());
        JournalLineReader reader = new JournalLineReader(Channels.newInputStream(channel));
        JournalLineReader.Line first = reader.next();
        SignedRecord record;
        try {
            record = first == null || first.text() == null || !first.terminated() ? null : JournalReader.parse(first);
        } catch (MalformedRecordException e) {
            record = null;
        }
        if (record == null || record.seq() != checkpoint.seq() || !record.hash().equals(checkpoint.hash())) {
            return refuseCheckpoint(checkpoint, "the file's line at byte " + resume.offset() + " is not that record");
        }
        ledger = new JournalLedger(tillId, JournalVerifier.DEFAULT_TIME_TOLERANCE, checkpoint, resume.earlier());
        offsets = new RecordOffsets(checkpoint.seq() - 1, resume.offsets());
        offsets.add(checkpoint.seq(), resume.offset());
        scan(reader, resume.offset(), checkpoint.seq() - 1, record, resume.offset() + first.byteLength());
        resumed = true;
        return true;
    }

    private boolean refuseCheckpoint(JournalCheckpoint checkpoint, String why) {
        String note = "checkpoint at seq " + checkpoint.seq() + " not used (" + why + "): the whole journal was replayed";
        recoveryNotes.add(note);
        LOG.log(System.Logger.Level.WARNING, "journal {0}: {1}", file, note);
        return false;
    }

    /**
     * Checks and applies every line {@code reader} gives, cutting a torn last line off. Line offsets and numbers are
     * relative to {@code baseOffset} / {@code baseLine}; {@code checkpointRecord} is the record already taken up before
     * them (a resumed checkpoint's), if any, and {@code validEnd} where it ends.
     */
    private void scan(JournalLineReader reader, long baseOffset, long baseLine, SignedRecord checkpointRecord, long validEnd)
            throws IOException {
        SignedRecord last = checkpointRecord;
        for (JournalLineReader.Line line = reader.next(); line != null; line = reader.next()) {
            SignedRecord record = null;
            String unreadable;
            ProblemKind kind = ProblemKind.MALFORMED;
            long lineNo = baseLine + line.number();
            if (line.text() == null) {
                unreadable = line.decodeError();
            } else if (!line.terminated()) {
                unreadable = "no terminating newline";
            } else {
                unreadable = null;
                try {
                    record = JournalReader.parse(line);
                } catch (MalformedRecordException e) {
                    unreadable = e.getMessage();
                    kind = e.kind();
                }
            }
            if (unreadable != null) {
                if (reader.next() != null) {
                    throw new JournalCorruptException(file.toString(), new JournalProblem(0, lineNo, kind,
                            unreadable + " — and more lines follow, so this is not a torn write; expected seq " + (ledger.lastSeq() + 1)));
                }
                cutTornTail(baseOffset + line.offset(), lineNo, unreadable);
                break;
            }
            JournalLedger.Outcome outcome = ledger.evaluate(record, lineNo, false);
            if (!outcome.ok()) {
                throw new JournalCorruptException(file.toString(), outcome.problem());
            }
            ledger.apply(record, outcome);
            offsets.add(record.seq(), baseOffset + line.offset());
            last = record;
            validEnd = baseOffset + line.offset() + line.byteLength();
        }
        size = validEnd;
        // A checkpoint's own record (nothing written after it) was verified when the checkpoint was made, and its hash
        // is the checkpoint's; its signer may be a key no longer in force (a KEY_ROTATION is signed by the old key).
        boolean onlyTheCheckpointRecord = last != null && last == checkpointRecord;
        if (last != null && !onlyTheCheckpointRecord && !JournalLedger.signatureValid(last, ledger.lastSigningKey())) {
            throw new JournalCorruptException(file.toString(), new JournalProblem(last.seq(), last.seq(),
                    ProblemKind.BAD_SIGNATURE, "the last record's signature does not verify with key " + last.keyId()));
        }
        if (last != null && !keys.keyId().equals(ledger.keyIdInForce())) {
            throw new IllegalStateException("journal " + file + " is signed with key " + ledger.keyIdInForce()
                    + " but the till key file holds key " + keys.keyId() + ": use the key file that belongs to this journal");
        }
    }

    private void cutTornTail(long from, long lineNo, String reason) throws IOException {
        long length = channel.size() - from;
        if (length > MAX_TORN_BYTES) {
            throw new JournalCorruptException(file.toString(), new JournalProblem(0, lineNo, ProblemKind.MALFORMED,
                    reason + " — " + length + " unreadable bytes at the end are too many for a torn write"));
        }
        ByteBuffer torn = ByteBuffer.allocate((int) length);
        while (torn.hasRemaining() && channel.read(torn, from + torn.position()) >= 0) {
            // read it all
        }
        torn.flip();
        Path saved = file.resolveSibling(file.getFileName() + ".torn-" + from + "-" + clock.millis());
        // The copy is the only one left of those bytes once the journal is cut: its data and its directory entry
        // must be on disk before the truncation, or a crash in between could lose them.
        try (FileChannel copy = channels.open(saved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (torn.hasRemaining()) {
                copy.write(torn);
            }
            copy.force(true);
        }
        directories.sync(saved.getParent());
        channel.truncate(from);
        channel.force(true);
        String note = "line " + lineNo + " (byte offset " + from + ", " + length + " bytes) was a torn write ("
                + reason + "): never acknowledged, cut off and saved to " + saved;
        recoveryNotes.add(note);
        LOG.log(System.Logger.Level.WARNING, "journal {0}: {1}", file, note);
    }

    /**
     * Appends one record and returns once it is on disk.
     *
     * @param type    any type except TILL_START (written on creation) and KEY_ROTATION (use {@link #rotateKey})
     * @param payload the payload, as the JSON value domain of {@link CanonicalJson}; see the payload records
     * @throws JournalRejectedException if the record would break the journal's rules (nothing is written)
     * @throws IllegalArgumentException if the payload holds values the journal cannot store (floating point ...)
     * @throws UncheckedIOException     if the write or fsync failed: the record may or may not be in the file (a
     *                                  reopen recovers a complete line), and the writer refuses further appends until
     *                                  the journal is reopened; read it back to learn which
     */
    public synchronized SignedRecord append(RecordType type, Map<String, Object> payload) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (type == RecordType.TILL_START || type == RecordType.KEY_ROTATION) {
            throw new IllegalArgumentException(type + " is written by the journal itself (on creation / by rotateKey), not by append");
        }
        return write(type, payload, keys);
    }

    /** Appends a typed payload: {@code append(payload.type(), payload.toPayload())}. */
    public SignedRecord append(JournalPayload payload) {
        return append(payload.type(), payload.toPayload());
    }

    /**
     * Replaces the signing key: writes a KEY_ROTATION signed by the current key announcing {@code newKeys}, which
     * signs every later record. Save the new key file durably BEFORE calling this; after it, the till must open the
     * journal with the new key file.
     */
    public synchronized SignedRecord rotateKey(TillKeys newKeys, String reason) {
        Objects.requireNonNull(newKeys, "newKeys");
        SignedRecord record = write(RecordType.KEY_ROTATION, KeyRotationPayload.of(newKeys.publicKey(), reason).toPayload(), keys);
        keys = newKeys;
        return record;
    }

    private SignedRecord write(RecordType type, Map<String, Object> payload, TillKeys signer) {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
        }
        if (broken) {
            throw new IllegalStateException("journal " + file + " had a failed write; reopen it to recover before appending");
        }
        long seq = ledger.lastSeq() + 1;
        OffsetDateTime time = OffsetDateTime.ofInstant(clock.instant(), clock.getZone()).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = new TreeMap<>();
        body.put(JournalFormat.FIELD_FORMAT, (long) JournalFormat.VERSION);
        body.put(JournalFormat.FIELD_KEY_ID, signer.keyId());
        body.put(JournalFormat.FIELD_PAYLOAD, payload);
        body.put(JournalFormat.FIELD_PREV, ledger.lastHash());
        body.put(JournalFormat.FIELD_SEQ, seq);
        body.put(JournalFormat.FIELD_TILL_ID, tillId);
        body.put(JournalFormat.FIELD_TIME, JournalFormat.formatTime(time));
        body.put(JournalFormat.FIELD_TYPE, type.name());
        SignedRecord record;
        byte[] bytes;
        try {
            String bodyText = CanonicalJson.write(body);
            byte[] bodyBytes = bodyText.getBytes(StandardCharsets.UTF_8);
            byte[] signatureBase64 = Base64.getEncoder().encode(signer.sign(bodyBytes));
            String signature = new String(signatureBase64, StandardCharsets.US_ASCII);
            // The stored line, "<signature> <body>\n", from the body's UTF-8 bytes as signed: encoding the whole
            // line again would cost a second UTF-8 pass over the body.
            bytes = new byte[signatureBase64.length + 1 + bodyBytes.length + 1];
            System.arraycopy(signatureBase64, 0, bytes, 0, signatureBase64.length);
            bytes[signatureBase64.length] = ' ';
            System.arraycopy(bodyBytes, 0, bytes, signatureBase64.length + 1, bodyBytes.length);
            bytes[bytes.length - 1] = '\n';
            // Read back through the reader — a deliberate check, kept: the line written is one the reader accepts
            // (canonical form, field forms), and the caller gets exactly what a verifier will see (Integer → Long,
            // sorted maps). About a quarter of an append's CPU time (docs/benchmarks.md, "core: the journal").
            record = JournalReader.parseLine(signature + " " + bodyText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + " record not written: " + e.getMessage(), e);
        }
        JournalLedger.Outcome outcome = ledger.evaluate(record, seq, false);
        if (!outcome.ok()) {
            throw new JournalRejectedException(outcome.problem());
        }
        outcome.warnings().forEach(w -> LOG.log(System.Logger.Level.WARNING, "journal {0}: {1}", file, w));
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long position = size;
            while (buf.hasRemaining()) {
                position += channel.write(buf, position);
            }
            channel.force(false);
        } catch (IOException e) {
            broken = true;
            // Whether the line reached the disk is unknown: a failed fsync may follow a complete write, and a reopen
            // then recovers the line as a record. Only reading the journal back after a reopen can tell.
            throw new UncheckedIOException("journal " + file + ": writing seq " + seq + " failed; whether the record is"
                    + " recorded is unknown until the journal is reopened (and recovered) and read back: " + e.getMessage(), e);
        }
        offsets.add(seq, size);
        size += bytes.length;
        ledger.apply(record, outcome);
        return record;
    }

    /**
     * The records with seq ≥ {@code fromSeq}, read back from the file under the writer's lock (so never a half
     * written line) — for syncing and for reconciling a store that lost its last transactions in a crash. Reading
     * starts at the record's own offset: the cost is the length of the tail, not the age of the journal.
     */
    public synchronized List<SignedRecord> readFrom(long fromSeq) {
        return readRange(Math.max(1, fromSeq), ledger.lastSeq());
    }

    /** The record at {@code seq}, read at its offset; empty if the journal has no such record. */
    public synchronized Optional<SignedRecord> read(long seq) {
        List<SignedRecord> one = readRange(seq, seq);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /**
     * The records {@code fromSeq..toSeq} (clamped to the journal), read from the first one's offset: as cheap in the
     * journal's fifth year as on its first day.
     */
    public synchronized List<SignedRecord> readRange(long fromSeq, long toSeq) {
        long from = Math.max(1, fromSeq);
        long to = Math.min(toSeq, ledger.lastSeq());
        List<SignedRecord> out = new ArrayList<>();
        if (from > to) {
            return out;
        }
        long start = offsets.of(from);
        long end = to == ledger.lastSeq() ? size : offsets.of(to + 1);
        try {
            channel.position(start);
            JournalLineReader reader = new JournalLineReader(Channels.newInputStream(channel));
            for (JournalLineReader.Line line = reader.next(); line != null && start + line.offset() < end; line = reader.next()) {
                out.add(JournalReader.parse(line));
            }
            if (out.isEmpty() || out.get(0).seq() != from || out.get(out.size() - 1).seq() != to) {
                // Offsets before a checkpoint come from the till's store: one that disagrees with the file is a fault
                // there, never a reason to hand back the wrong record.
                throw new IllegalStateException("journal " + file + ": the offset index points seq " + from + ".." + to
                        + " at records " + (out.isEmpty() ? "none" : out.get(0).seq() + ".." + out.get(out.size() - 1).seq()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** How many times the receipt of record {@code originalSeq} was printed again (REPRINT records naming it). */
    public synchronized long reprintCount(long originalSeq) {
        return ledger.reprintCount(originalSeq);
    }

    /**
     * A SHIFT_CLOSE payload for the open shift with the totals so far, for {@link #append(JournalPayload)} (and for
     * printing the Z-report). Anything appended in between makes it stale, and the append then refuses it.
     *
     * @throws IllegalStateException if no shift is open
     */
    public synchronized ShiftClosePayload prepareShiftClose(String closedBy, Long countedCashFen) {
        long shiftNo = ledger.openShiftNo().orElseThrow(() -> new IllegalStateException("no shift is open"));
        return new ShiftClosePayload(shiftNo, closedBy, ledger.shiftOpenSeq(), ledger.lastSeq(), ledger.lastHash(),
                countedCashFen, ledger.shiftTotals().orElseThrow(), ledger.grandTotals());
    }

    public synchronized long lastSeq() {
        return ledger.lastSeq();
    }

    /**
     * The verified state after the last record, for the till to store (with {@link #offsetOf} of its record) and resume
     * from on the next open; empty before the first record.
     */
    public synchronized Optional<JournalCheckpoint> checkpoint() {
        return ledger.checkpoint();
    }

    /** The byte offset at which record {@code seq} starts in the file. */
    public synchronized long offsetOf(long seq) {
        return offsets.of(seq);
    }

    /** Whether open took the journal up at a checkpoint ({@link JournalResume}) rather than replaying it from seq 1. */
    public synchronized boolean resumed() {
        return resumed;
    }

    public synchronized String lastHash() {
        return ledger.lastHash();
    }

    /**
     * The latest time the journal has reached — the greatest record time, or since the last STAFF clock_confirmed
     * that record's time — for the till's clock check: records written while the clock reads too early must not make
     * the early clock look right. Empty for a journal being created.
     */
    public synchronized Optional<OffsetDateTime> latestRecordTime() {
        return Optional.ofNullable(ledger.latestTime());
    }

    public String tillId() {
        return tillId;
    }

    /** Id of the key that signs the next record. */
    public synchronized String keyId() {
        return keys.keyId();
    }

    public Path file() {
        return file;
    }

    /** What recovery did on open (a torn tail cut off), empty if nothing. */
    public synchronized List<String> recoveryNotes() {
        return List.copyOf(recoveryNotes);
    }

    /** The open shift's number, if a shift is open. */
    public synchronized OptionalLong openShiftNo() {
        return ledger.openShiftNo();
    }

    /** Seq of the OFFLINE_START in force, if the till is offline (OFFLINE_END must name it). */
    public synchronized OptionalLong offlineSinceSeq() {
        return ledger.offlineSinceSeq();
    }

    /** Perpetual grand totals since TILL_START. */
    public synchronized Totals grandTotals() {
        return ledger.grandTotals();
    }

    /** Totals of the open shift so far. */
    public synchronized Optional<Totals> shiftTotals() {
        return ledger.shiftTotals();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "journal {0}: releasing the lock failed: {1}", file, e.getMessage());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing journal channel failed: {0}", e.getMessage());
        }
    }
}
