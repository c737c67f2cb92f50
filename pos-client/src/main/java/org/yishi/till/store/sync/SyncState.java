package org.yishi.till.store.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the server has confirmed the till's journal.
 *
 * @param lastSyncedSeq  last seq the server acknowledged (0: nothing yet)
 * @param lastSyncTime   when that acknowledgement arrived
 */
public record SyncState(long lastSyncedSeq, Optional<Instant> lastSyncTime) {
}
