package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * REPRINT: a receipt printed again.
 *
 * @param originalSeq  seq of the SALE, VOID or REFUND whose receipt is reprinted
 * @param reprintCount 1 for the first reprint of that record, 2 for the second, ...
 * @param staff        who reprinted it
 * @param reason       why
 */
public record ReprintPayload(long originalSeq, long reprintCount, String staff, String reason) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("originalSeq", "reprintCount", "staff", "reason");

    public ReprintPayload {
        Checks.positive("originalSeq", originalSeq);
        Checks.positive("reprintCount", reprintCount);
        Checks.text("staff", staff);
        Checks.text("reason", reason);
    }

    @Override
    public RecordType type() {
        return RecordType.REPRINT;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("originalSeq", originalSeq, "reprintCount", reprintCount, "staff", staff, "reason", reason);
    }

    static ReprintPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new ReprintPayload(f.integer("originalSeq"), f.integer("reprintCount"), f.text("staff"), f.text("reason"));
    }
}
