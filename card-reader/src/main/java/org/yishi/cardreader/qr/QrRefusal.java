package org.yishi.cardreader.qr;

/** Why a scanned text was not accepted as an elder QR token. Each is a distinct message at the till. */
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
    /** The card the token is bound to was reported lost. */
    CARD_LOST,
    /** The card the token is bound to was withdrawn by the administrator. */
    CARD_REVOKED
}
