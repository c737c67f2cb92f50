package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

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
        try (JournalLineReader lines = new JournalLineReader(Files.newInputStream(journalFile))) {
            return new Run().verify(lines::next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile + ": " + e.getMessage(), e);
        }
    }

    /** Verifies a journal given as its lines (each without the newline), line 1 first. */
    public VerificationReport verify(List<String> lines) {
        Iterator<String> it = lines.iterator();
        long[] number = {0};
        try {
            return new Run().verify(() -> {
                if (!it.hasNext()) {
                    return null;
                }
                number[0]++;
                return new JournalLineReader.Line(number[0], 0, 0, Objects.requireNonNull(it.next(), "line " + number[0]), null, true);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // lines in memory are never an I/O problem
        }
    }

    /** Where a run gets its lines: the next one, null at the end. */
    @FunctionalInterface
    private interface LineSource {
        JournalLineReader.Line next() throws IOException;
    }

    /**
     * Lines read and prepared together by one thread ({@link LinePreparer}); how many such chunks may wait ahead of
     * the rules, per core. Parsing and Ed25519 need no state, so they run on every core while the rules — which must
     * see the records in order — take the chunks in order on the calling thread, overlapping with the preparation of
     * the chunks after them. Bounded: at most {@code CHUNK × AHEAD_PER_CORE × cores} lines are held at once.
     */
    private static final int CHUNK = 256;
    private static final int AHEAD_PER_CORE = 4;

    /** One verification pass; the ledger holds the state. */
    private final class Run {
        final JournalLedger ledger = resumeFrom == null ? new JournalLedger(trustedKeys, expectedTillId, timeTolerance)
                : new JournalLedger(expectedTillId, timeTolerance, resumeFrom, earlier);
        final long base = resumeFrom == null ? 0 : resumeFrom.seq();
        final KeyCandidates candidates = new KeyCandidates();
        JournalProblem problem;
        long linesRead;
        /** The last answer of {@link #checkedWithKeyInForce}, which stays the same until a rotation. */
        PublicKey comparedKeyInForce;
        Ed25519VerifyKey comparedCandidate;
        boolean comparedSame;

        Run() {
            if (ledger.keyInForce() != null) {
                candidates.offer(ledger.keyIdInForce(), ledger.keyInForce());
            }
        }

        VerificationReport verify(LineSource source) throws IOException {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            ArrayDeque<Future<List<PreparedLine>>> ahead = new ArrayDeque<>();
            ExecutorService pool = null;
            try {
                boolean more = true;
                while (problem == null) {
                    while (more && ahead.size() < AHEAD_PER_CORE * cores) {
                        List<JournalLineReader.Line> chunk = new ArrayList<>(CHUNK);
                        for (JournalLineReader.Line line; chunk.size() < CHUNK && (line = source.next()) != null; ) {
                            chunk.add(line);
                        }
                        more = chunk.size() == CHUNK;
                        if (chunk.isEmpty()) {
                            break;
                        }
                        if (pool == null && !more && ahead.isEmpty()) {
                            // The whole journal is one chunk: not worth starting threads.
                            ahead.add(CompletableFuture.completedFuture(new LinePreparer(candidates).prepareAll(chunk)));
                        } else {
                            if (pool == null) {
                                // Learn the journal's first key before the threads start: otherwise a chunk could be
                                // prepared before the one holding TILL_START, and all its signatures left to the rules.
                                new LinePreparer(candidates).prepare(chunk.get(0));
                                pool = Executors.newFixedThreadPool(cores, daemonThreads());
                            }
                            ahead.add(pool.submit(() -> new LinePreparer(candidates).prepareAll(chunk)));
                        }
                    }
                    Future<List<PreparedLine>> next = ahead.poll();
                    if (next == null) {
                        break;
                    }
                    for (PreparedLine line : resultOf(next)) {
                        if (problem != null) {
                            break;
                        }
                        line(line);
                    }
                }
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            return finish();
        }

        void line(PreparedLine p) {
            JournalLineReader.Line line = p.line();
            linesRead++;
            if (line.text() == null) {
                problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                        line.decodeError() + "; expected seq " + (ledger.lastSeq() + 1));
                return;
            }
            if (!line.terminated()) {
                problem = new JournalProblem(0, line.number(), ProblemKind.MALFORMED,
                        "last line has no terminating newline (torn write); expected seq " + (ledger.lastSeq() + 1));
                return;
            }
            if (p.failure() != null) {
                throw p.failure();
            }
            long number = line.number();
            if (p.error() != null) {
                problem = new JournalProblem(0, number, p.error().kind(), p.error().getMessage() + "; expected seq " + (ledger.lastSeq() + 1));
                return;
            }
            SignedRecord record = p.record();
            JournalLedger.Outcome outcome = ledger.evaluate(record, number, !checkedWithKeyInForce(p.verifiedWith()), p.payload());
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

        /**
         * Whether a signature checked ahead with {@code used} counts: only if that is the key in force now. A record
         * read ahead right after a rotation was checked with the old key or not at all; the rules check it again.
         */
        boolean checkedWithKeyInForce(Ed25519VerifyKey used) {
            if (used == null) {
                return false;
            }
            PublicKey inForce = ledger.keyInForce();
            if (inForce != comparedKeyInForce || used != comparedCandidate) {
                comparedKeyInForce = inForce;
                comparedCandidate = used;
                comparedSame = used.is(inForce);
            }
            return comparedSame;
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

    private static <T> T resultOf(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("journal verification interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "journal-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
