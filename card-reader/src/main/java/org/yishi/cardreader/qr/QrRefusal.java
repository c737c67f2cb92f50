package org.yishi.cardreader.qr;

/**
 * Why a scanned text was not accepted as an elder QR token. Each is a distinct message at the till: the words are
 * in the {@code org.yishi.cardreader.qr.refusals} bundle (zh-CN and English), key {@code refusal.<name in lower
 * case>}. The order of checks is in docs/qr-token.md.
 */
public enum QrRefusal {
    /** The text is a Yishi token but not well formed (bad base64, truncated payload, bad field, too long). */
    MALFORMED,
    /** The text is not an elder token at all: a receipt QR, a URL, a token of another kind. */
    WRONG_KIND,
    /** A Yishi token of a format version this till does not know. */
    UNSUPPORTED_VERSION,
    /** Signed with a key id this till does not trust (never configured, or retired). */
    UNKNOWN_KEY,
    /** The signature does not match the token's content under the named key. */
    BAD_SIGNATURE,
    /** Past its expiry, beyond the skew tolerance. */
    EXPIRED,
    /** Issued in the future, beyond the skew tolerance (till clock or issuer clock wrong). */
    NOT_YET_VALID,
    /**
     * The registry says the card the token is bound to belongs to a different elder than the token names: the
     * token was issued against a stale or wrong registry, or the card was handed to someone else. Either way the
     * till cannot tell who is at the counter.
     */
    CARD_MISMATCH,
    /** The card the token is bound to was reported lost. */
    CARD_LOST,
    /** The card the token is bound to was withdrawn by the administrator. */
    CARD_REVOKED,
    /** The till blocked the card the token is bound to: its registry import refused the card's last row. */
    CARD_BLOCKED
}
