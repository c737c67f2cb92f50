package org.yishi.sync.protocol;

import java.util.Objects;

/**
 * The server's answer to a heartbeat.
 *
 * @param serverTime    the server's clock (canonical journal time)
 * @param skewMillis    till clock minus server clock, as the server measured it
 * @param skewFlagged   whether that is beyond the server's configured limit
 * @param latestChange  the newest change number: the till asks for changes when it has applied fewer
 */
public record HeartbeatReply(String serverTime, long skewMillis, boolean skewFlagged, long latestChange) {
    public HeartbeatReply {
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
