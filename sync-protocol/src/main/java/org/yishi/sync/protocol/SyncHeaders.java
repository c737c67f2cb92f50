package org.yishi.sync.protocol;

/** HTTP headers of the protocol (docs/sync-protocol.md, "Headers"). */
public final class SyncHeaders {

    /** Lower-case hex SHA-256 of a download's body. */
    public static final String BODY_SHA256 = "Yishi-Body-SHA256";
    /** Base64 Ed25519 signature by the server ({@link ServerSignatures}). */
    public static final String SIGNATURE = "Yishi-Signature";
    /** Id of the server key that signed. */
    public static final String KEY_ID = "Yishi-Key-Id";
    /** The change number a download brings the till to. */
    public static final String CHANGE = "Yishi-Change";
    /** {@code true} when more changes follow the page just sent: ask again from {@link #CHANGE}. */
    public static final String MORE = "Yishi-More";

    private SyncHeaders() {
    }
}
