package org.yishi.core.journal;

import java.security.PublicKey;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The verified state of a journal after one record: everything the rules need to go on from the next record
 * without reading the ones before it — except facts about individual earlier records (which sale a refund names,
 * whether it was reversed, which receipt numbers are taken), which come from an {@link EarlierRecords}. A
 * {@link VerificationReport} ends with one; {@link JournalVerifier.Builder#resumeFrom} starts from one, so a server
 * verifies each uploaded batch from where the last one ended.
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
}
