package org.yishi.sync.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A till asking, as an elder stands at the counter, for that elder's subsidised meals at other tills in the open limit
 * windows (docs/sync-protocol-usage.md, "Online check"). The answer is a {@link UsagePage} with no cursors: it adds to
 * what the till knows and moves nothing of its regular usage sync.
 *
 * @param elderId     the elder at the counter
 * @param windowStart the earliest sale time the till still counts (canonical journal time)
 */
public record OnlineCheckRequest(String elderId, String windowStart) {

    /** An elder id as the registry writes them: no spaces, no control characters, at most 32 characters. */
    private static final Pattern ELDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public OnlineCheckRequest {
        Objects.requireNonNull(elderId, "elderId");
        if (!ELDER_ID.matcher(elderId).matches()) {
            throw new IllegalArgumentException("elderId must be 1-32 letters, digits, '-' or '_', found \"" + elderId + "\"");
        }
        Objects.requireNonNull(windowStart, "windowStart");
    }
}
