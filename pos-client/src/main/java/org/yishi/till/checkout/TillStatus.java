package org.yishi.till.checkout;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status bar and the diagnostics screen show about the till's data and its server: cheap to read, read often.
 *
 * @param lastSeq       the journal's last record
 * @param waitingToSync records the server has not acknowledged (0 for a till without a server)
 * @param lastSync      when a sync round last completed without a problem
 * @param policy        policy id and version in force
 * @param elders        elders in the till's registry cache
 * @param cards         cards in it
 * @param journalFile   where the journal is
 * @param connection    whether the till has a server and, if so, whether it is reaching it
 * @param offlineSince  when the till went offline (its OFFLINE_START record), while it is
 * @param lastError     why the last sync round did not complete, if it did not
 * @param offlineAlert  offline for longer than the configured alert threshold: the bar asks for attention
 */
public record TillStatus(long lastSeq, long waitingToSync, Optional<Instant> lastSync, String policy, long elders,
        long cards, String journalFile, Connection connection, Optional<Instant> offlineSince, Optional<String> lastError,
        boolean offlineAlert) {

    /** The till and its settlement server. */
    public enum Connection {
        /** Not enrolled with a server: sells on its own data (the stand-alone demo till). */
        STAND_ALONE,
        /** Enrolled, and its last sync round reached the server. */
        ONLINE,
        /** Enrolled, and the server could not be reached (journalled as OFFLINE_START). */
        OFFLINE
    }

    public TillStatus {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(offlineSince, "offlineSince");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastSync, "lastSync");
    }
}
