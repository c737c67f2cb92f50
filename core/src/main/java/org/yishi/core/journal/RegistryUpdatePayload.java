package org.yishi.core.journal;

import java.util.Map;
import java.util.Set;

/**
 * REGISTRY_UPDATE: the till loaded a new elder registry snapshot.
 *
 * @param registryVersion version label of the snapshot
 * @param contentSha256   hex SHA-256 of the snapshot as received
 * @param elderCount      number of elders in it
 */
public record RegistryUpdatePayload(String registryVersion, String contentSha256, long elderCount) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("registryVersion", "contentSha256", "elderCount");

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
        return PayloadFields.payload("registryVersion", registryVersion, "contentSha256", contentSha256, "elderCount", elderCount);
    }

    static RegistryUpdatePayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        return new RegistryUpdatePayload(f.text("registryVersion"), f.text("contentSha256"), f.integer("elderCount"));
    }
}
