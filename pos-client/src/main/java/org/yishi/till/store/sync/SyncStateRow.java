package org.yishi.till.store.sync;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The single row of {@code sync_state}. */
record SyncStateRow(int id, long lastSyncedSeq, OffsetDateTime lastSyncTime) {
    SyncState toState() {
        return new SyncState(lastSyncedSeq, Optional.ofNullable(lastSyncTime).map(OffsetDateTime::toInstant));
    }
}
