package org.yishi.core.journal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * SHIFT_CLOSE: the Z-report. Carries the shift's totals and the till's perpetual grand totals since TILL_START,
 * both recomputed and checked by the verifier, and the hash of the last record of the shift, so that a printed or
 * reported Z-report anchors the journal up to that point.
 *
 * @param shiftNo        the shift being closed
 * @param closedBy       staff id of who closed it (supervisor)
 * @param fromSeq        seq of the shift's SHIFT_OPEN
 * @param toSeq          seq of the last record before this one
 * @param lastHash       hash of the record at {@code toSeq} (equals this record's {@code prev})
 * @param countedCashFen cash counted in the drawer at close, fen; null if not counted
 * @param shift          totals of the records after SHIFT_OPEN up to {@code toSeq}
 * @param grand          totals of all records from seq 1 up to {@code toSeq}
 */
public record ShiftClosePayload(long shiftNo, String closedBy, long fromSeq, long toSeq, String lastHash,
        Long countedCashFen, Totals shift, Totals grand) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("shiftNo", "closedBy", "fromSeq", "toSeq", "lastHash",
            "countedCashFen", "shift", "grand");

    public ShiftClosePayload {
        Checks.positive("shiftNo", shiftNo);
        Checks.text("closedBy", closedBy);
        Checks.positive("fromSeq", fromSeq);
        if (toSeq < fromSeq) {
            throw new IllegalArgumentException("toSeq " + toSeq + " is before fromSeq " + fromSeq);
        }
        Checks.sha256("lastHash", lastHash);
        if (countedCashFen != null) {
            Checks.notNegative("countedCashFen", countedCashFen);
        }
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(grand, "grand");
    }

    @Override
    public RecordType type() {
        return RecordType.SHIFT_CLOSE;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("shiftNo", shiftNo, "closedBy", closedBy, "fromSeq", fromSeq, "toSeq", toSeq,
                "lastHash", lastHash, "countedCashFen", countedCashFen, "shift", shift.toJson(), "grand", grand.toJson());
    }

    static ShiftClosePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new ShiftClosePayload(f.integer("shiftNo"), f.text("closedBy"), f.integer("fromSeq"),
                f.integer("toSeq"), f.text("lastHash"), f.optionalInteger("countedCashFen"),
                Totals.read(f.object("shift", Totals.FIELDS)), Totals.read(f.object("grand", Totals.FIELDS)));
    }
}
