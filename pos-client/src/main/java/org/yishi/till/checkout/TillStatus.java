package org.yishi.till.checkout;

import java.time.Instant;
import java.util.Optional;

/**
 * What the status bar and the diagnostics screen show about the till's data: cheap to read, read often.
 *
 * @param lastSeq         the journal's last record
 * @param waitingToSync   records the server has not acknowledged
 * @param lastSync        when the server last acknowledged records
 * @param policy          policy id and version in force
 * @param elders          elders in the till's registry cache
 * @param cards           cards in it
 * @param journalFile     where the journal is
 */
public record TillStatus(long lastSeq, long waitingToSync, Optional<Instant> lastSync, String policy, long elders,
        long cards, String journalFile) {
}
