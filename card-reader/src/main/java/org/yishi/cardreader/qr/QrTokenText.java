package org.yishi.cardreader.qr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The text framing of a token: {@code YSQ1.<payload>.<signature>}, both parts unpadded base64url. The signature
 * covers the ASCII bytes of {@code YSQ1.<payload>} exactly as they travel, so the version prefix is signed too
 * and there is no second, re-encoded form to disagree with.
 */
final class QrTokenText {

    static final String MAGIC = "YSQ";
    static final String VERSION = "1";
    static final String PREFIX = MAGIC + VERSION + ".";
    /** Far above any real token (about 140 characters) and small enough that parsing allocates nothing big. */
    static final int MAX_LENGTH = 512;
    static final int SIGNATURE_BYTES = 64;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private QrTokenText() {
    }

    static String signedPart(byte[] payload) {
        return PREFIX + ENCODER.encodeToString(payload);
    }

    static byte[] signedBytes(String signedPart) {
        return signedPart.getBytes(StandardCharsets.US_ASCII);
    }

    static String join(String signedPart, byte[] signature) {
        return signedPart + "." + ENCODER.encodeToString(signature);
    }

    /**
     * Decodes unpadded base64url and insists the text is the one canonical encoding of its bytes: Java's decoder
     * ignores the unused low bits of the last character, which would let two different texts carry one token.
     *
     * @throws IllegalArgumentException if not canonical base64url
     */
    static byte[] decodeCanonical(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (text.indexOf('=') >= 0) {
            throw new IllegalArgumentException(what + " must be unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url: " + e.getMessage());
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical base64url");
        }
        return bytes;
    }
}
