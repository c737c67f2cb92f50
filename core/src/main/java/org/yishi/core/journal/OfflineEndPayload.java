package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * OFFLINE_END: the till is online again.
 *
 * @param offlineSinceSeq seq of the OFFLINE_START this ends
 */
public record OfflineEndPayload(long offlineSinceSeq) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("offlineSinceSeq");

    public OfflineEndPayload {
        Checks.positive("offlineSinceSeq", offlineSinceSeq);
    }

    @Override
    public RecordType type() {
        return RecordType.OFFLINE_END;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("offlineSinceSeq", offlineSinceSeq);
    }

    static OfflineEndPayload read(Map<String, ?> payload, String path) {
        return new OfflineEndPayload(PayloadFields.of(payload, path, FIELDS).integer("offlineSinceSeq"));
    }
}
