package org.yishi.sync.protocol;

/** The protocol's URL paths, relative to the server's base URL (docs/sync-protocol.md). */
public final class SyncPaths {

    /** {@code POST}: a till's one-time enrolment ({@link EnrolmentRequest} → {@link Enrolment}). No token yet. */
    public static final String ENROL = "/api/v1/enrol";
    /** {@code POST} a {@link JournalBatch} → {@link Acknowledgement}; {@code GET} → the latest acknowledgement. */
    public static final String JOURNAL = "/api/v1/sync/journal";
    /** {@code GET ?since=N&limit=M}: registry, policy, menu and staff changes since change N (a zip, signed). */
    public static final String CHANGES = "/api/v1/sync/changes";
    /** {@code GET}: everything a new or rebuilt till installs (a zip, signed). */
    public static final String SNAPSHOT = "/api/v1/sync/snapshot";
    /** {@code POST} a {@link UsageRequest} → {@link UsagePage}: other tills' subsidised meals in the open limit windows. */
    public static final String USAGE = "/api/v1/sync/usage";
    /**
     * {@code POST} an {@link OnlineCheckRequest} → {@link UsagePage} (no cursors): one elder's subsidised meals at other
     * tills, asked with a short timeout while the elder is at the counter.
     */
    public static final String ONLINE_CHECK = "/api/v1/sync/online-check";
    /** {@code POST} a {@link Heartbeat} → {@link HeartbeatReply}. */
    public static final String HEARTBEAT = "/api/v1/sync/heartbeat";

    private SyncPaths() {
    }
}
