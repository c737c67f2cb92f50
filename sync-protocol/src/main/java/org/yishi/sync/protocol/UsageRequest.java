package org.yishi.sync.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * A till asking for other tills' subsidised meals it has not yet seen.
 *
 * @param seenUpTo    per other till, the highest seq the asking till has already been told about (absent: none)
 * @param windowStart the earliest sale time it still counts (canonical journal time): the start of the earliest open
 *                    limit window; older sales are not sent
 * @param limit       most sales to send in one page (the server may send fewer)
 */
public record UsageRequest(Map<String, Long> seenUpTo, String windowStart, int limit) {

    public static final int MAX_LIMIT = 20_000;

    public UsageRequest {
        seenUpTo = Map.copyOf(Objects.requireNonNull(seenUpTo, "seenUpTo"));
        seenUpTo.forEach((till, seq) -> {
            if (seq < 0) {
                throw new IllegalArgumentException("seenUpTo." + till + " must not be negative, found " + seq);
            }
        });
        Objects.requireNonNull(windowStart, "windowStart");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", found " + limit);
        }
    }
}
