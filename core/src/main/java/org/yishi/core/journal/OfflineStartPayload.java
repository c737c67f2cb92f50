package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * OFFLINE_START: the till lost its server; sales continue and carry {@code offline: true} until OFFLINE_END.
 *
 * @param reason what failed (e.g. "connect timeout sync.example.gov.cn:443")
 */
public record OfflineStartPayload(String reason) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("reason");

    public OfflineStartPayload {
        Checks.text("reason", reason);
    }

    @Override
    public RecordType type() {
        return RecordType.OFFLINE_START;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("reason", reason);
    }

    static OfflineStartPayload read(Map<String, ?> payload, String path) {
        return new OfflineStartPayload(PayloadFields.of(payload, path, FIELDS).text("reason"));
    }
}
