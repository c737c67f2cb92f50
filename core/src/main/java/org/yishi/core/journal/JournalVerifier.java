package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies a till journal from its bytes alone (plus whatever the caller knows from outside: trusted keys, the
 * till id, anchors). Checks, record by record, in this order: the line form and canonical body, the till id, the
 * gapless seq, the hash chain, the signing key, the Ed25519 signature, the payload, event order, references
 * (VOID/REFUND/REPRINT/SATISFACTION), and the SHIFT_CLOSE totals recomputed with {@link JournalTotals}. Stops at
 * the first bad record and names it. docs/journal-format.md describes the algorithm for independent verifiers.
 *
 * <p>What it cannot see on its own: records cut off the end of the file (give an anchor with
 * {@link Builder#expectAnchor(long, String)}), and a journal written from scratch by someone holding another key
 * (pin the till's key with {@link Builder#trustKey(PublicKey)}).
 */
public final class JournalVerifier {

    /** Default tolerance before a clock going backwards is reported. */
    public static final Duration DEFAULT_TIME_TOLERANCE = Duration.ofMinutes(5);

    private final Map<String, PublicKey> trustedKeys;
    private final String expectedTillId;
    private final long anchorSeq;
    private final String anchorHash;
    private final Duration timeTolerance;
    private final JournalCheckpoint resumeFrom;
    private final EarlierRecords earlier;

    private JournalVerifier(Builder b) {
        this.trustedKeys = Map.copyOf(b.trustedKeys);
        this.expectedTillId = b.expectedTillId;
        this.anchorSeq = b.anchorSeq;
        this.anchorHash = b.anchorHash;
        this.timeTolerance = b.timeTolerance;
        this.resumeFrom = b.resumeFrom;
        this.earlier = b.earlier;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A verifier that trusts the key the journal's TILL_START announces, with no anchor. */
    public static JournalVerifier trustOnFirstUse() {
        return builder().build();
    }

    /**
     * Verifies a journal file. A last line without its newline is reported as MALFORMED (a torn write that
     * {@link JournalWriter#open} would cut off).
     *
     * @throws UncheckedIOException if the file cannot be read at all
     */
    public VerificationReport verify(Path journalFile) {
        Run run = new Run();
        try (JournalLineReader lines = new JournalLineReader(Files.newInputStream(journalFile))) {
            List<JournalLineReader.Line> batch = new ArrayList<>(BATCH);
            for (JournalLineReader.Line line = lines.next(); run.problem == null; line = lines.next()) {
                if (line != null) {
                    batch.add(line);
                }
                if (line == null || batch.size() == BATCH) {
                    run.batch(batch);
                    batch.clear();
                }
                if (line == null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile + ": " + e.getMessage(), e);
        }
        return run.finish();
    }

    /** Verifies a journal given as its lines (each without the newline), line 1 first. */
    public VerificationReport verify(List<String> lines) {
        Run run = new Run();
        List<JournalLineReader.Line> batch = new ArrayList<>(BATCH);
        long number = 0;
        for (String line : lines) {
            number++;
            batch.add(new JournalLineReader.Line(number, 0, 0, Objects.requireNonNull(line, "line " + number), null, true));
            if (batch.size() == BATCH) {
                run.batch(batch);
                batch.clear();
                if (run.problem != null) {
                    break;
                }
            }
        }
        if (run.problem == null) {
            run.batch(batch);
        }
        return run.finish();
    }

    /**
     * A line parsed, and its signature checked ahead with the key in force when its batch began: parsing and
     * Ed25519 are the cost of verification, and they need no state, so a batch does them on every core. The rules
     * then run in order; a record whose key differs (after a rotation in the batch) is checked there instead.
     *
     * @param verifiedKeyId the key its signature verified with, null if not checked ahead or not valid
     */
    private record Prepared(SignedRecord record, MalformedRecordException error, String verifiedKeyId) {
        static Prepared of(String text, String keyId, PublicKey key) {
            SignedRecord record;
            try {
                record = JournalReader.parseLine(text);
            } catch (MalformedRecordException e) {
                return new Prepared(null, e, null);
            }
            boolean checked = key != null && record.type() != RecordType.TILL_START && record.keyId().equals(keyId)
                    && JournalLedger.signatureValid(record, key);
            return new Prepared(record, null, checked ? keyId : null);
        }
    }

    /** Lines prepared together (parsed, signatures checked ahead) before the rules run over them in order. */
    private static final int BATCH = 2048;

    /** One verification pass; the ledger holds the state. */
    private final class Run {
        final JournalLedger ledger = resumeFrom == null ? new JournalLedger(trustedKeys, expectedTillId, timeTolerance)
                : new JournalLedger(expectedTillId, timeTolerance, resumeFrom, earlier);
        final long base = resumeFrom == null ? 0 : resumeFrom.seq();
        JournalProblem problem;
        long linesRead;

        /** One batch of lines, in order: prepared on every core, then the rules record by record. */
        void batch(List<JournalLineReader.Line> lines) {
            String keyId = ledger.keyIdInForce();
            PublicKey key = ledger.keyInForce();
            List<Prepared> prepared = lines.parallelStream()
                    .map(l -> l.text() != null && l.terminated() ? Prepared.of(l.text(), keyId, key) : null)
                    .toList();
            for (int i = 0; i < lines.size() && problem == null; i++) {
                JournalLineReader.Line line = lines.get(i);
                linesRead++;
                if (line.text() == null) {
                    problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                            line.decodeError() + "; expected seq " + (ledger.lastSeq() + 1));
                } else if (!line.terminated()) {
                    problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                            "last line has no terminating newline (torn write); expected seq " + (ledger.lastSeq() + 1));
                } else {
                    line(prepared.get(i), line.number());
                }
            }
        }

        void line(Prepared p, long number) {
            if (p.error() != null) {
                problem = new JournalProblem(0, number, p.error().kind(), p.error().getMessage() + "; expected seq " + (ledger.lastSeq() + 1));
                return;
            }
            SignedRecord record = p.record();
            boolean signatureChecked = p.verifiedKeyId() != null && p.verifiedKeyId().equals(ledger.keyIdInForce());
            JournalLedger.Outcome outcome = ledger.evaluate(record, number, !signatureChecked);
            if (!outcome.ok()) {
                problem = outcome.problem();
                return;
            }
            ledger.apply(record, outcome);
            if (record.seq() == anchorSeq && anchorHash != null && !anchorHash.equals(record.hash())) {
                problem = new JournalProblem(record.seq(), number, ProblemKind.ANCHOR_MISMATCH, "record " + record.seq()
                        + " has hash " + record.hash() + " but the anchor says " + anchorHash
                        + ": the journal was rewritten up to here");
            }
        }

        VerificationReport finish() {
            // A missing record is named by the seq it would have had (seq 0 is only for a line that is not a record).
            if (problem == null && base == 0 && ledger.lastSeq() == 0) {
                problem = new JournalProblem(1, 1, ProblemKind.MISSING_RECORDS, "the journal is empty (no TILL_START)");
            }
            if (problem == null && anchorSeq > ledger.lastSeq()) {
                problem = new JournalProblem(ledger.lastSeq() + 1, linesRead + 1, ProblemKind.MISSING_RECORDS, "the journal ends at seq "
                        + ledger.lastSeq() + " but seq " + anchorSeq + " is known to exist: records "
                        + (ledger.lastSeq() + 1) + ".." + anchorSeq + " were cut off");
            }
            long verified = ledger.lastSeq() - base;
            TrustMode trust = resumeFrom != null ? TrustMode.CHECKPOINT
                    : trustedKeys.isEmpty() ? TrustMode.TRUST_ON_FIRST_USE : TrustMode.PINNED_KEYS;
            return new VerificationReport(Optional.ofNullable(problem), ledger.warnings(), trust, ledger.tillId(),
                    ledger.keyIds(), linesRead, verified, ledger.lastSeq(), ledger.lastHash(), ledger.counts(),
                    ledger.grandTotals(), ledger.checkpoint());
        }
    }

    /** Options for a {@link JournalVerifier}. */
    public static final class Builder {
        private final Map<String, PublicKey> trustedKeys = new HashMap<>();
        private String expectedTillId;
        private long anchorSeq;
        private String anchorHash;
        private Duration timeTolerance = DEFAULT_TIME_TOLERANCE;
        private JournalCheckpoint resumeFrom;
        private EarlierRecords earlier;

        private Builder() {
        }

        /**
         * Verifies a run of records that continues a journal already verified up to {@code checkpoint} (the
         * {@link VerificationReport#checkpoint()} of the run before): the first line must be record
         * {@code checkpoint.seq() + 1}, chained to its hash and signed by its key in force. Facts about the records
         * before it come from {@code earlier}. Pinned keys do not apply: the checkpoint's key is the trust.
         */
        public Builder resumeFrom(JournalCheckpoint checkpoint, EarlierRecords earlier) {
            this.resumeFrom = Objects.requireNonNull(checkpoint, "checkpoint");
            this.earlier = Objects.requireNonNull(earlier, "earlier");
            return this;
        }

        /**
         * Pins a key: TILL_START must announce one of the pinned keys. Keys introduced later by KEY_ROTATION are
         * trusted through the chain (the rotation is signed by the key in force).
         */
        public Builder trustKey(PublicKey key) {
            trustedKeys.put(JournalFormat.keyIdOf(key), key);
            return this;
        }

        /** The till the journal must belong to. */
        public Builder expectTill(String tillId) {
            this.expectedTillId = Objects.requireNonNull(tillId, "tillId");
            return this;
        }

        /**
         * An anchor known from outside the file: the till reported (e.g. to the server, or on a printed Z-report)
         * that record {@code seq} exists and has {@code hash} (null: only that it exists). Catches a truncated tail
         * and a journal rewritten up to that point.
         */
        public Builder expectAnchor(long seq, String hash) {
            if (seq < 1) {
                throw new IllegalArgumentException("anchor seq must be at least 1, found " + seq);
            }
            if (hash != null && !JournalFormat.HASH_PATTERN.matcher(hash).matches()) {
                throw new IllegalArgumentException("anchor hash must be 64 lower-case hex characters: " + hash);
            }
            this.anchorSeq = seq;
            this.anchorHash = hash;
            return this;
        }

        /** How far a record's time may go back before a warning (default 5 minutes). */
        public Builder timeTolerance(Duration tolerance) {
            if (tolerance.isNegative()) {
                throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
            }
            this.timeTolerance = tolerance;
            return this;
        }

        public JournalVerifier build() {
            return new JournalVerifier(this);
        }
    }
}
