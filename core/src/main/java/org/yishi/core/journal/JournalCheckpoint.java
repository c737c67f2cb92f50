package org.yishi.core.journal;

import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The verified state of a journal after one record: everything the rules need to go on from the next record
 * without reading the ones before it — except facts about individual earlier records (which sale a refund names,
 * whether it was reversed, which receipt numbers are taken), which come from an {@link EarlierRecords}. A
 * {@link VerificationReport} ends with one; {@link JournalVerifier.Builder#resumeFrom} starts from one, so a server
 * verifies each uploaded batch from where the last one ended, and {@link JournalWriter#open(java.nio.file.Path, TillKeys,
 * String, java.time.Clock, JournalResume)} opens a till's journal without replaying it. {@link #toJson()} and
 * {@link #fromJson(String)} store one (canonical JSON, documented in docs/journal-format.md, "Checkpoints").
 *
 * @param tillId         the journal's till
 * @param seq            the last verified record's seq
 * @param hash           its hash (the next record's {@code prev})
 * @param keyIdInForce   the key that signs the next record
 * @param keyInForce     that key
 * @param keyIds         every key that signed so far, in order of use (a key never signs again once replaced)
 * @param lastTime       the last record's time
 * @param latestTime     the latest record time (or a clock_confirmed's), for the clock warnings
 * @param openShiftNo    the open shift, if any
 * @param shiftOpenSeq   its SHIFT_OPEN's seq (0 when none is open)
 * @param lastShiftNo    the last shift number opened
 * @param shiftTotals    the open shift's totals so far
 * @param grandTotals    the totals of the whole journal so far
 * @param offlineSinceSeq the OFFLINE_START in force, if offline
 */
public record JournalCheckpoint(String tillId, long seq, String hash, String keyIdInForce, PublicKey keyInForce,
        List<String> keyIds, OffsetDateTime lastTime, OffsetDateTime latestTime, OptionalLong openShiftNo, long shiftOpenSeq,
        long lastShiftNo, Optional<Totals> shiftTotals, Totals grandTotals, OptionalLong offlineSinceSeq) {

    public JournalCheckpoint {
        Objects.requireNonNull(tillId, "tillId");
        if (seq < 1) {
            throw new IllegalArgumentException("a checkpoint follows a record: seq must be at least 1, found " + seq);
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(keyIdInForce, "keyIdInForce");
        Objects.requireNonNull(keyInForce, "keyInForce");
        keyIds = List.copyOf(keyIds);
        Objects.requireNonNull(lastTime, "lastTime");
        Objects.requireNonNull(latestTime, "latestTime");
        Objects.requireNonNull(openShiftNo, "openShiftNo");
        Objects.requireNonNull(shiftTotals, "shiftTotals");
        Objects.requireNonNull(grandTotals, "grandTotals");
        Objects.requireNonNull(offlineSinceSeq, "offlineSinceSeq");
        if (openShiftNo.isPresent() != shiftTotals.isPresent()) {
            throw new IllegalArgumentException("shift totals go with an open shift, and only with one");
        }
    }

    /** Version of the stored form written by {@link #toJson()}. */
    public static final int JSON_VERSION = 1;

    private static final Set<String> FIELDS = Set.of("checkpoint", "tillId", "seq", "hash", "keyIdInForce", "keyInForce",
            "keyIds", "lastTime", "latestTime", "shiftOpenSeq", "lastShiftNo", "grandTotals");
    private static final Set<String> OPTIONAL_FIELDS = Set.of("openShiftNo", "shiftTotals", "offlineSinceSeq");

    /** The checkpoint as canonical JSON (optional members left out when absent), for a store to keep. */
    public String toJson() {
        Map<String, Object> json = new java.util.TreeMap<>(PayloadFields.payload("checkpoint", (long) JSON_VERSION, "tillId", tillId, "seq", seq,
                "hash", hash, "keyIdInForce", keyIdInForce, "keyInForce", JournalFormat.encodePublicKey(keyInForce),
                "keyIds", keyIds, "lastTime", JournalFormat.formatTime(lastTime), "latestTime", JournalFormat.formatTime(latestTime),
                "shiftOpenSeq", shiftOpenSeq, "lastShiftNo", lastShiftNo, "grandTotals", grandTotals.toJson()));
        openShiftNo.ifPresent(n -> json.put("openShiftNo", n));
        shiftTotals.ifPresent(t -> json.put("shiftTotals", t.toJson()));
        offlineSinceSeq.ifPresent(n -> json.put("offlineSinceSeq", n));
        return CanonicalJson.write(json);
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @throws IllegalArgumentException naming the field, if {@code json} is not a checkpoint of this version
     */
    public static JournalCheckpoint fromJson(String json) {
        Object parsed = StrictJsonParser.parse(json);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a checkpoint is a JSON object, found " + PayloadFields.describe(parsed));
        }
        @SuppressWarnings("unchecked")
        PayloadFields f = PayloadFields.of((Map<String, ?>) map, "checkpoint", FIELDS, OPTIONAL_FIELDS);
        if (f.integer("checkpoint") != JSON_VERSION) {
            throw f.error("checkpoint", "version " + f.integer("checkpoint") + " is not " + JSON_VERSION);
        }
        try {
            Long openShift = f.optionalInteger("openShiftNo");
            Long offlineSince = f.optionalInteger("offlineSinceSeq");
            return new JournalCheckpoint(f.text("tillId"), f.integer("seq"), f.text("hash"), f.text("keyIdInForce"),
                    JournalFormat.decodePublicKey(f.text("keyInForce")), f.texts("keyIds"), time(f, "lastTime"),
                    time(f, "latestTime"), openShift == null ? OptionalLong.empty() : OptionalLong.of(openShift),
                    f.integer("shiftOpenSeq"), f.integer("lastShiftNo"),
                    map.get("shiftTotals") == null ? Optional.empty() : Optional.of(Totals.read(f.object("shiftTotals", Totals.FIELDS))),
                    Totals.read(f.object("grandTotals", Totals.FIELDS)),
                    offlineSince == null ? OptionalLong.empty() : OptionalLong.of(offlineSince));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException("checkpoint: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime time(PayloadFields f, String name) {
        try {
            return OffsetDateTime.parse(f.text(name), JournalFormat.TIME_FORMAT);
        } catch (DateTimeParseException e) {
            throw f.error(name, "not a journal time: " + e.getMessage());
        }
    }
}
