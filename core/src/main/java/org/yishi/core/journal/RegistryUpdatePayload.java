package org.yishi.core.journal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yishi.core.elder.RegistryMode;

/**
 * REGISTRY_UPDATE: the till loaded a new elder registry snapshot.
 *
 * @param registryVersion version label of the snapshot
 * @param contentSha256   hex SHA-256 of the snapshot as received
 * @param elderCount      number of elders in it (for a delta: in the delta)
 * @param mode            whether the export replaced the cache or was applied on top of it; null only in records
 *                        written before the field existed (those imports upserted). Written only when present, so
 *                        such records read and hash unchanged.
 */
public record RegistryUpdatePayload(String registryVersion, String contentSha256, long elderCount, RegistryMode mode)
        implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("registryVersion", "contentSha256", "elderCount");
    private static final Set<String> MAY_BE_ABSENT = Set.of("mode");

    public RegistryUpdatePayload {
        Checks.text("registryVersion", registryVersion);
        Checks.sha256("contentSha256", contentSha256);
        Checks.notNegative("elderCount", elderCount);
    }

    @Override
    public RecordType type() {
        return RecordType.REGISTRY_UPDATE;
    }

    @Override
    public Map<String, Object> toPayload() {
        Map<String, Object> fields = PayloadFields.payload("registryVersion", registryVersion, "contentSha256", contentSha256,
                "elderCount", elderCount);
        if (mode == null) {
            return fields;
        }
        TreeMap<String, Object> withMode = new TreeMap<>(fields);
        withMode.put("mode", mode.code());
        return Collections.unmodifiableMap(withMode);
    }

    static RegistryUpdatePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS, MAY_BE_ABSENT);
        String mode = f.optionalText("mode");
        RegistryMode parsed;
        try {
            parsed = mode == null ? null : RegistryMode.fromCode(mode);
        } catch (IllegalArgumentException e) {
            throw f.error("mode", e.getMessage());
        }
        return new RegistryUpdatePayload(f.text("registryVersion"), f.text("contentSha256"), f.integer("elderCount"), parsed);
    }
}
