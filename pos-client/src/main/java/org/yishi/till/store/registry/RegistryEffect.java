package org.yishi.till.store.registry;

import java.util.Objects;
import org.yishi.core.elder.RegistryMode;

/**
 * What an elder or card import did beyond writing its good rows (docs/registry-csv.md): the fail-closed part.
 *
 * @param mode         full (the export replaced the cache) or delta (upserted)
 * @param blocked      cached records blocked because their row was refused: not served until a valid row arrives
 * @param removed      cached records a full export left out, now gone (for elders: not counting their cards, which
 *                     went with them)
 * @param unidentified refused rows naming no elder or card the till could read. In a full export such a record, if
 *                     cached, is absent and so removed; in a delta it keeps its earlier state — say so loudly
 */
public record RegistryEffect(RegistryMode mode, long blocked, long removed, long unidentified) {
    public RegistryEffect {
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether a cached record may have kept a state the export tried to change (a delta's unreadable rows). */
    public boolean mayHaveKeptStaleRecords() {
        return mode == RegistryMode.DELTA && unidentified > 0;
    }
}
