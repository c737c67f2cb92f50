package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * SHIFT_OPEN.
 *
 * @param shiftNo         the till's shift number, greater than every earlier one
 * @param cashier         staff id of the cashier
 * @param openingFloatFen cash in the drawer at the start, fen
 */
public record ShiftOpenPayload(long shiftNo, String cashier, long openingFloatFen) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("shiftNo", "cashier", "openingFloatFen");

    public ShiftOpenPayload {
        Checks.positive("shiftNo", shiftNo);
        Checks.text("cashier", cashier);
        Checks.notNegative("openingFloatFen", openingFloatFen);
    }

    @Override
    public RecordType type() {
        return RecordType.SHIFT_OPEN;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("shiftNo", shiftNo, "cashier", cashier, "openingFloatFen", openingFloatFen);
    }

    static ShiftOpenPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new ShiftOpenPayload(f.integer("shiftNo"), f.text("cashier"), f.integer("openingFloatFen"));
    }
}
