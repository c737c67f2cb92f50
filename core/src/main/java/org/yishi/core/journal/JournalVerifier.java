package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
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

    private JournalVerifier(Builder b) {
        this.trustedKeys = Map.copyOf(b.trustedKeys);
        this.expectedTillId = b.expectedTillId;
        this.anchorSeq = b.anchorSeq;
        this.anchorHash = b.anchorHash;
        this.timeTolerance = b.timeTolerance;
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
            for (JournalLineReader.Line line = lines.next(); line != null && run.problem == null; line = lines.next()) {
                run.linesRead++;
                if (line.text() == null) {
                    run.problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                            line.decodeError() + "; expected seq " + (run.ledger.lastSeq() + 1));
                } else if (!line.terminated()) {
                    run.problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                            "last line has no terminating newline (torn write); expected seq " + (run.ledger.lastSeq() + 1));
                } else {
                    run.line(line.text(), line.number());
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
        long number = 0;
        for (String line : lines) {
            if (run.problem != null) {
                break;
            }
            number++;
            run.linesRead++;
            run.line(Objects.requireNonNull(line, "line " + number), number);
        }
        return run.finish();
    }

    /** One verification pass; the ledger holds the state. */
    private final class Run {
        final JournalLedger ledger = new JournalLedger(trustedKeys, expectedTillId, timeTolerance);
        JournalProblem problem;
        long linesRead;

        void line(String text, long number) {
            SignedRecord record;
            try {
                record = JournalReader.parseLine(text);
            } catch (MalformedRecordException e) {
                problem = new JournalProblem(0, number, e.kind(), e.getMessage() + "; expected seq " + (ledger.lastSeq() + 1));
                return;
            }
            JournalLedger.Outcome outcome = ledger.evaluate(record, number, true);
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
            if (problem == null && ledger.lastSeq() == 0) {
                problem = new JournalProblem(1, 1, ProblemKind.MISSING_RECORDS, "the journal is empty (no TILL_START)");
            }
            if (problem == null && anchorSeq > ledger.lastSeq()) {
                problem = new JournalProblem(ledger.lastSeq() + 1, linesRead + 1, ProblemKind.MISSING_RECORDS, "the journal ends at seq "
                        + ledger.lastSeq() + " but seq " + anchorSeq + " is known to exist: records "
                        + (ledger.lastSeq() + 1) + ".." + anchorSeq + " were cut off");
            }
            long verified = ledger.lastSeq();
            return new VerificationReport(Optional.ofNullable(problem), ledger.warnings(),
                    trustedKeys.isEmpty() ? TrustMode.TRUST_ON_FIRST_USE : TrustMode.PINNED_KEYS, ledger.tillId(),
                    ledger.keyIds(), linesRead, verified, ledger.lastSeq(), ledger.lastHash(), ledger.counts(),
                    ledger.grandTotals());
        }
    }

    /** Options for a {@link JournalVerifier}. */
    public static final class Builder {
        private final Map<String, PublicKey> trustedKeys = new HashMap<>();
        private String expectedTillId;
        private long anchorSeq;
        private String anchorHash;
        private Duration timeTolerance = DEFAULT_TIME_TOLERANCE;

        private Builder() {
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
