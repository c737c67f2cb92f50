package org.yishi.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The journal's rules, applied record by record: chain (till, seq, prev), keys and signatures, event order,
 * references and totals. {@link JournalVerifier} runs it over a whole journal; {@link JournalWriter} runs it over
 * an existing file on open and over every record before writing it, so the writer cannot produce a journal the
 * verifier rejects.
 *
 * <p>{@link #evaluate} never changes the state; {@link #apply} does, and only with an outcome that had no problem.
 */
final class JournalLedger {

    /** The result of checking one record: either a problem, or what applying it needs. */
    record Outcome(JournalProblem problem, JournalPayload payload, PublicKey signingKey, List<JournalWarning> warnings) {
        boolean ok() {
            return problem == null;
        }
    }

    private static final class SaleState {
        final SaleAmounts amounts;
        long reversedBy;
        RecordType reversedAs;
        long ratedBy;

        SaleState(SaleAmounts amounts) {
            this.amounts = amounts;
        }

        static SaleState of(EarlierRecords.EarlierSale earlier) {
            SaleState s = new SaleState(earlier.amounts());
            s.reversedBy = earlier.reversedBySeq();
            s.reversedAs = earlier.reversedAs();
            s.ratedBy = earlier.ratedBySeq();
            return s;
        }
    }

    private final Map<String, PublicKey> trustedKeys;
    private final String expectedTillId;
    private final Duration timeTolerance;

    private long lastSeq;
    private String lastHash = JournalFormat.GENESIS_PREV;
    private OffsetDateTime lastTime;
    private OffsetDateTime latestTime;
    private String tillId;
    private PublicKey keyInForce;
    private String keyIdInForce;
    private PublicKey lastSigningKey;
    private final List<String> keyIds = new ArrayList<>();

    private Long openShiftNo;
    private long shiftOpenSeq;
    private long lastShiftNo;
    private JournalTotals shiftTotals;
    private JournalTotals grandTotals = new JournalTotals();
    private Long offlineSinceSeq;

    /** The seq this ledger took over from a checkpoint (0: from the first record); earlier facts come from {@link #earlier}. */
    private final long base;
    private final EarlierRecords earlier;
    /** Record types by seq − base − 1: references must name the right kind of record. */
    private final List<RecordType> types = new ArrayList<>();
    /** Sales since the base, and earlier sales once a later record touched them (reversed, rated). */
    private final Map<Long, SaleState> sales = new HashMap<>();
    private final Map<Long, Long> reprintCounts = new HashMap<>();
    private final Set<String> receiptNos = new HashSet<>();
    private final Set<String> billIds = new HashSet<>();
    private final EnumMap<RecordType, Long> counts = new EnumMap<>(RecordType.class);
    private final List<JournalWarning> warnings = new ArrayList<>();

    /**
     * @param trustedKeys    key id → key; TILL_START must announce one of them. Empty: trust on first use.
     * @param expectedTillId the till the journal must belong to, or null to take it from the first record
     * @param timeTolerance  how far a record's time may go back before it is reported as a warning
     */
    JournalLedger(Map<String, PublicKey> trustedKeys, String expectedTillId, Duration timeTolerance) {
        this.trustedKeys = Map.copyOf(trustedKeys);
        this.expectedTillId = expectedTillId;
        this.timeTolerance = timeTolerance;
        this.base = 0;
        this.earlier = EarlierRecords.none();
    }

    /**
     * A ledger that goes on from {@code from}: the checkpoint's chain, key, shift, offline and totals state, with
     * facts about records up to it from {@code earlier}.
     */
    JournalLedger(String expectedTillId, Duration timeTolerance, JournalCheckpoint from, EarlierRecords earlier) {
        if (expectedTillId != null && !expectedTillId.equals(from.tillId())) {
            throw new IllegalArgumentException("the checkpoint is till " + from.tillId() + "'s, not " + expectedTillId + "'s");
        }
        this.trustedKeys = Map.of(from.keyIdInForce(), from.keyInForce());
        this.expectedTillId = from.tillId();
        this.timeTolerance = timeTolerance;
        this.base = from.seq();
        this.earlier = java.util.Objects.requireNonNull(earlier, "earlier");
        tillId = from.tillId();
        lastSeq = from.seq();
        lastHash = from.hash();
        lastTime = from.lastTime();
        latestTime = from.latestTime();
        keyIdInForce = from.keyIdInForce();
        keyInForce = from.keyInForce();
        lastSigningKey = from.keyInForce();
        keyIds.addAll(from.keyIds());
        openShiftNo = from.openShiftNo().isPresent() ? from.openShiftNo().getAsLong() : null;
        shiftOpenSeq = from.shiftOpenSeq();
        lastShiftNo = from.lastShiftNo();
        shiftTotals = from.shiftTotals().map(JournalTotals::of).orElse(null);
        grandTotals = JournalTotals.of(from.grandTotals());
        offlineSinceSeq = from.offlineSinceSeq().isPresent() ? from.offlineSinceSeq().getAsLong() : null;
    }

    /** The state after the last applied record, to resume from; empty before the first. */
    Optional<JournalCheckpoint> checkpoint() {
        if (lastSeq == 0) {
            return Optional.empty();
        }
        return Optional.of(new JournalCheckpoint(tillId, lastSeq, lastHash, keyIdInForce, keyInForce, keyIds, lastTime, latestTime,
                openShiftNo(), openShiftNo == null ? 0 : shiftOpenSeq, lastShiftNo, shiftTotals(), grandTotals(),
                offlineSinceSeq()));
    }

    /** The sale at {@code seq}: one of this run's, or an earlier one (then kept, as later records change its state). */
    private SaleState saleAt(long seq) {
        SaleState s = sales.get(seq);
        if (s == null && seq >= 1 && seq <= base) {
            s = earlier.sale(seq).map(SaleState::of).orElse(null);
            if (s != null) {
                sales.put(seq, s);
            }
        }
        return s;
    }

    Outcome evaluate(SignedRecord r, long line, boolean verifySignature) {
        return evaluate(r, line, verifySignature, PayloadReading.of(r));
    }

    /** {@link #evaluate(SignedRecord, long, boolean)} with {@code r}'s payload already read (ahead, by a verifier thread). */
    Outcome evaluate(SignedRecord r, long line, boolean verifySignature, PayloadReading reading) {
        List<JournalWarning> notes = new ArrayList<>();
        String owner = tillId != null ? tillId : expectedTillId;
        if (owner != null && !owner.equals(r.tillId())) {
            return problem(r, line, ProblemKind.WRONG_TILL, "record belongs to till \"" + r.tillId()
                    + "\" but the journal is till \"" + owner + "\"");
        }
        if (r.seq() != lastSeq + 1) {
            String what = r.seq() <= lastSeq
                    ? "seq " + r.seq() + " repeats or goes back after " + lastSeq + ": a record was duplicated, reordered or inserted"
                    : "seq jumps from " + lastSeq + " to " + r.seq() + ": record" + (r.seq() - lastSeq > 2 ? "s " + (lastSeq + 1) + ".." : " ") + (r.seq() - 1) + " missing";
            return problem(r, line, ProblemKind.SEQUENCE_GAP, what);
        }
        if (!r.prevHash().equals(lastHash)) {
            return problem(r, line, ProblemKind.BAD_HASH_CHAIN, "prev " + r.prevHash() + " is not the hash of "
                    + (lastSeq == 0 ? "nothing (" + JournalFormat.GENESIS_PREV + ")" : "record " + lastSeq + " (" + lastHash + ")"));
        }
        if (lastSeq == 0 && r.type() != RecordType.TILL_START) {
            return problem(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "the first record must be TILL_START, found " + r.type());
        }
        if (lastSeq > 0 && r.type() == RecordType.TILL_START) {
            return problem(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "TILL_START may only be the first record");
        }

        PublicKey signingKey;
        if (r.type() == RecordType.TILL_START) {
            TillStartPayload start;
            try {
                start = (TillStartPayload) reading.get();
            } catch (InvalidPayloadException e) {
                return problem(r, line, ProblemKind.INVALID_PAYLOAD, e.getMessage());
            }
            if (!r.keyId().equals(start.keyId())) {
                return problem(r, line, ProblemKind.UNKNOWN_KEY, "TILL_START is signed with key " + r.keyId()
                        + " but announces key " + start.keyId());
            }
            if (!trustedKeys.isEmpty() && !trustedKeys.containsKey(start.keyId())) {
                return problem(r, line, ProblemKind.UNKNOWN_KEY, "TILL_START announces key " + start.keyId()
                        + ", which is not one of the trusted keys " + new java.util.TreeSet<>(trustedKeys.keySet()));
            }
            signingKey = start.key();
        } else {
            if (!r.keyId().equals(keyIdInForce)) {
                return problem(r, line, ProblemKind.UNKNOWN_KEY, "signed with key " + r.keyId()
                        + " but the key in force is " + keyIdInForce);
            }
            signingKey = keyInForce;
        }
        if (verifySignature && !signatureValid(r, signingKey)) {
            return problem(r, line, ProblemKind.BAD_SIGNATURE, "Ed25519 signature does not verify with key " + r.keyId());
        }

        JournalPayload payload;
        try {
            payload = reading.get();
        } catch (InvalidPayloadException e) {
            return problem(r, line, ProblemKind.INVALID_PAYLOAD, e.getMessage());
        }
        JournalProblem semantic = checkMeaning(r, line, payload, notes);
        if (semantic != null) {
            return new Outcome(semantic, null, null, List.of());
        }
        if (lastTime != null && r.time().toInstant().isBefore(lastTime.toInstant().minus(timeTolerance))) {
            notes.add(new JournalWarning(r.seq(), line, "time " + JournalFormat.formatTime(r.time()) + " is "
                    + Duration.between(r.time().toInstant(), lastTime.toInstant()) + " before the previous record's "
                    + JournalFormat.formatTime(lastTime) + " (till clock set back?)"));
        }
        return new Outcome(null, payload, signingKey, List.copyOf(notes));
    }

    static boolean signatureValid(SignedRecord r, PublicKey key) {
        return JournalFormat.verifySignature(key, r.body().getBytes(StandardCharsets.UTF_8),
                JournalReader.decodeSignature(r.signature()));
    }

    private JournalProblem checkMeaning(SignedRecord r, long line, JournalPayload payload, List<JournalWarning> notes) {
        if (payload instanceof KeyRotationPayload rotation) {
            if (rotation.newKeyId().equals(keyIdInForce)) {
                return problemOf(r, line, ProblemKind.INVALID_PAYLOAD, "KEY_ROTATION to the key already in force " + keyIdInForce);
            }
            if (keyIds.contains(rotation.newKeyId())) {
                // A retired key never signs again (§6): going back to one would let whoever kept it continue the journal.
                return problemOf(r, line, ProblemKind.INVALID_PAYLOAD, "KEY_ROTATION back to key " + rotation.newKeyId()
                        + ", which this journal already retired: a retired key never signs again");
            }
        } else if (payload instanceof ShiftOpenPayload open) {
            if (openShiftNo != null) {
                return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "SHIFT_OPEN while shift " + openShiftNo + " is still open");
            }
            if (open.shiftNo() <= lastShiftNo) {
                return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "shift number " + open.shiftNo()
                        + " does not increase (last shift was " + lastShiftNo + ")");
            }
        } else if (payload instanceof SalePayload sale) {
            JournalProblem p = requireShift(r, line, sale.shiftNo());
            if (p != null) {
                return p;
            }
            if (sale.offline() != (offlineSinceSeq != null)) {
                notes.add(new JournalWarning(r.seq(), line, "sale is flagged offline=" + sale.offline() + " but the till was "
                        + (offlineSinceSeq != null ? "offline since seq " + offlineSinceSeq : "online")));
            }
            if (receiptNos.contains(sale.receiptNo()) || earlier.receiptNoUsed(sale.receiptNo())) {
                return problemOf(r, line, ProblemKind.DUPLICATE_SALE, "receipt number " + sale.receiptNo() + " was used before");
            }
            if (sale.billId() != null && (billIds.contains(sale.billId()) || earlier.billIdUsed(sale.billId()))) {
                return problemOf(r, line, ProblemKind.DUPLICATE_SALE, "bill " + sale.billId() + " was already sold");
            }
        } else if (payload instanceof ReversalPayload reversal) {
            return checkReversal(r, line, reversal);
        } else if (payload instanceof ReprintPayload reprint) {
            RecordType target = typeAt(reprint.originalSeq(), r.seq());
            if (target != RecordType.SALE && target != RecordType.VOID && target != RecordType.REFUND) {
                return problemOf(r, line, ProblemKind.BAD_REFERENCE, "REPRINT of seq " + reprint.originalSeq() + ", which is "
                        + describe(target) + ", not a SALE, VOID or REFUND");
            }
            long expected = reprintCount(reprint.originalSeq()) + 1;
            if (reprint.reprintCount() != expected) {
                return problemOf(r, line, ProblemKind.BAD_REFERENCE, "reprintCount " + reprint.reprintCount() + " for seq "
                        + reprint.originalSeq() + ", expected " + expected);
            }
        } else if (payload instanceof SatisfactionPayload rating) {
            SaleState sale = saleAt(rating.saleSeq());
            if (sale == null) {
                return problemOf(r, line, ProblemKind.BAD_REFERENCE, "SATISFACTION for seq " + rating.saleSeq() + ", which is "
                        + describe(typeAt(rating.saleSeq(), r.seq())) + ", not a SALE");
            }
            if (sale.ratedBy != 0) {
                return problemOf(r, line, ProblemKind.BAD_REFERENCE, "sale " + rating.saleSeq() + " was already rated at seq " + sale.ratedBy);
            }
        } else if (payload instanceof ShiftClosePayload close) {
            return checkShiftClose(r, line, close);
        } else if (payload instanceof OfflineStartPayload) {
            if (offlineSinceSeq != null) {
                return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "OFFLINE_START while already offline since seq " + offlineSinceSeq);
            }
        } else if (payload instanceof OfflineEndPayload end) {
            if (offlineSinceSeq == null) {
                return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "OFFLINE_END while the till is online");
            }
            if (end.offlineSinceSeq() != offlineSinceSeq) {
                return problemOf(r, line, ProblemKind.BAD_REFERENCE, "OFFLINE_END names offlineSinceSeq " + end.offlineSinceSeq()
                        + " but the till went offline at seq " + offlineSinceSeq);
            }
        }
        return null;
    }

    private JournalProblem checkReversal(SignedRecord r, long line, ReversalPayload reversal) {
        JournalProblem p = requireShift(r, line, reversal.shiftNo());
        if (p != null) {
            return p;
        }
        SaleState sale = saleAt(reversal.originalSeq());
        if (sale == null) {
            return problemOf(r, line, ProblemKind.BAD_REFERENCE, r.type() + " of seq " + reversal.originalSeq() + ", which is "
                    + describe(typeAt(reversal.originalSeq(), r.seq())) + ", not a SALE");
        }
        if (sale.reversedBy != 0) {
            return problemOf(r, line, ProblemKind.BAD_REFERENCE, r.type() + " of sale " + reversal.originalSeq()
                    + ", which was already reversed by the " + sale.reversedAs + " at seq " + sale.reversedBy);
        }
        String difference = sale.amounts.firstDifference(reversal.original());
        if (difference != null) {
            return problemOf(r, line, ProblemKind.BAD_REFERENCE, r.type() + " does not copy sale " + reversal.originalSeq()
                    + " faithfully: " + difference + " (sale vs " + r.type() + ")");
        }
        return null;
    }

    private JournalProblem checkShiftClose(SignedRecord r, long line, ShiftClosePayload close) {
        if (openShiftNo == null || close.shiftNo() != openShiftNo) {
            return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, "SHIFT_CLOSE of shift " + close.shiftNo() + " but "
                    + (openShiftNo == null ? "no shift is open" : "shift " + openShiftNo + " is open"));
        }
        if (close.fromSeq() != shiftOpenSeq || close.toSeq() != r.seq() - 1 || !close.lastHash().equals(r.prevHash())) {
            return problemOf(r, line, ProblemKind.BAD_REFERENCE, "SHIFT_CLOSE range " + close.fromSeq() + ".." + close.toSeq()
                    + " / lastHash " + close.lastHash() + " should be " + shiftOpenSeq + ".." + (r.seq() - 1) + " / " + r.prevHash());
        }
        String shiftDifference = close.shift().firstDifference(shiftTotals.snapshot());
        if (shiftDifference != null) {
            return problemOf(r, line, ProblemKind.TOTALS_MISMATCH, "shift " + close.shiftNo() + " totals: shift." + shiftDifference);
        }
        String grandDifference = close.grand().firstDifference(grandTotals.snapshot());
        if (grandDifference != null) {
            return problemOf(r, line, ProblemKind.TOTALS_MISMATCH, "perpetual grand totals: grand." + grandDifference);
        }
        return null;
    }

    private JournalProblem requireShift(SignedRecord r, long line, long shiftNo) {
        if (openShiftNo == null) {
            return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, r.type() + " outside a shift (no SHIFT_OPEN)");
        }
        if (shiftNo != openShiftNo) {
            return problemOf(r, line, ProblemKind.OUT_OF_ORDER_EVENT, r.type() + " names shift " + shiftNo + " but shift "
                    + openShiftNo + " is open");
        }
        return null;
    }

    private RecordType typeAt(long seq, long current) {
        if (seq < 1 || seq >= current) {
            return null;
        }
        if (seq <= base) {
            return earlier.typeAt(seq).orElse(null);
        }
        return seq - base <= types.size() ? types.get((int) (seq - base - 1)) : null;
    }

    private static String describe(RecordType type) {
        return type == null ? "not an earlier record of this journal" : "a " + type;
    }

    void apply(SignedRecord r, Outcome outcome) {
        if (!outcome.ok()) {
            throw new IllegalStateException("cannot apply a rejected record: " + outcome.problem());
        }
        JournalPayload payload = outcome.payload();
        lastSeq = r.seq();
        lastHash = r.hash();
        lastTime = r.time();
        // A record written by a clock set back does not lower the mark; a supervisor's clock_confirmed resets it.
        boolean clockConfirmed = payload instanceof StaffPayload staff && staff.action() == StaffAction.CLOCK_CONFIRMED;
        if (clockConfirmed || latestTime == null || r.time().toInstant().isAfter(latestTime.toInstant())) {
            latestTime = r.time();
        }
        lastSigningKey = outcome.signingKey();
        if (tillId == null) {
            tillId = r.tillId();
        }
        types.add(r.type());
        counts.merge(r.type(), 1L, Long::sum);
        warnings.addAll(outcome.warnings());
        if (payload instanceof TillStartPayload start) {
            useKey(start.keyId(), outcome.signingKey());
        } else if (payload instanceof KeyRotationPayload rotation) {
            useKey(rotation.newKeyId(), rotation.newKey());
        } else if (payload instanceof ShiftOpenPayload open) {
            openShiftNo = open.shiftNo();
            lastShiftNo = open.shiftNo();
            shiftOpenSeq = r.seq();
            shiftTotals = new JournalTotals();
        } else if (payload instanceof SalePayload sale) {
            sales.put(r.seq(), new SaleState(sale.amounts()));
            receiptNos.add(sale.receiptNo());
            if (sale.billId() != null) {
                billIds.add(sale.billId());
            }
        } else if (payload instanceof ReversalPayload reversal) {
            SaleState sale = saleAt(reversal.originalSeq());
            sale.reversedBy = r.seq();
            sale.reversedAs = r.type();
        } else if (payload instanceof ReprintPayload reprint) {
            reprintCounts.put(reprint.originalSeq(), reprintCount(reprint.originalSeq()) + 1);
        } else if (payload instanceof SatisfactionPayload rating) {
            saleAt(rating.saleSeq()).ratedBy = r.seq();
        } else if (payload instanceof ShiftClosePayload) {
            openShiftNo = null;
            shiftTotals = null;
        } else if (payload instanceof OfflineStartPayload) {
            offlineSinceSeq = r.seq();
        } else if (payload instanceof OfflineEndPayload) {
            offlineSinceSeq = null;
        }
        grandTotals.add(payload);
        if (shiftTotals != null) {
            shiftTotals.add(payload);
        }
    }

    private void useKey(String keyId, PublicKey key) {
        keyIdInForce = keyId;
        keyInForce = key;
        keyIds.add(keyId);
    }

    private static Outcome problem(SignedRecord r, long line, ProblemKind kind, String message) {
        return new Outcome(problemOf(r, line, kind, message), null, null, List.of());
    }

    private static JournalProblem problemOf(SignedRecord r, long line, ProblemKind kind, String message) {
        return new JournalProblem(r.seq(), line, kind, message);
    }

    long reprintCount(long originalSeq) {
        Long counted = reprintCounts.get(originalSeq);
        return counted != null ? counted : originalSeq <= base ? earlier.reprintCount(originalSeq) : 0;
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    OffsetDateTime lastTime() {
        return lastTime;
    }

    /** The latest record time so far, or since the last STAFF clock_confirmed (whose own time it then is). */
    OffsetDateTime latestTime() {
        return latestTime;
    }

    String tillId() {
        return tillId;
    }

    String keyIdInForce() {
        return keyIdInForce;
    }

    PublicKey keyInForce() {
        return keyInForce;
    }

    PublicKey lastSigningKey() {
        return lastSigningKey;
    }

    List<String> keyIds() {
        return List.copyOf(keyIds);
    }

    OptionalLong openShiftNo() {
        return openShiftNo == null ? OptionalLong.empty() : OptionalLong.of(openShiftNo);
    }

    long shiftOpenSeq() {
        return shiftOpenSeq;
    }

    OptionalLong offlineSinceSeq() {
        return offlineSinceSeq == null ? OptionalLong.empty() : OptionalLong.of(offlineSinceSeq);
    }

    Totals grandTotals() {
        return grandTotals.snapshot();
    }

    Optional<Totals> shiftTotals() {
        return shiftTotals == null ? Optional.empty() : Optional.of(shiftTotals.snapshot());
    }

    Map<RecordType, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    List<JournalWarning> warnings() {
        return List.copyOf(warnings);
    }
}
