package org.yishi.cardreader.qr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signed content of a version-1 token, and its compact binary layout (see docs/qr-token.md). Binary rather
 * than text because every byte saved is a smaller QR code on a small card.
 *
 * @param kind      {@link #KIND_ELDER_CARD} for elder tokens; other values are reserved for other kinds
 * @param issuedAt  whole seconds
 * @param expiresAt whole seconds, after issuedAt
 * @param keyId     issuer key id, 1-16 ASCII letters, digits, '-', '_'
 * @param elderId   elder registry id, 0-64 UTF-8 bytes; empty when the token is bound to a card only
 * @param cardUid   canonical upper-case hex UID (8-20 digits, even), or empty when not bound to a card
 */
record QrPayload(int kind, Instant issuedAt, Instant expiresAt, String keyId, String elderId, String cardUid) {

    static final int KIND_ELDER_CARD = 0x01;
    static final int MAX_ELDER_ID_BYTES = 64;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern CARD_UID = Pattern.compile("([0-9A-F]{2}){4,10}");
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    QrPayload {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(elderId, "elderId");
        Objects.requireNonNull(cardUid, "cardUid");
        if (kind < 0 || kind > 0xFF) {
            throw new IllegalArgumentException("kind must be one byte: " + kind);
        }
        if (issuedAt.getNano() != 0 || expiresAt.getNano() != 0) {
            throw new IllegalArgumentException("token times are whole seconds");
        }
        if (issuedAt.getEpochSecond() < 0 || expiresAt.getEpochSecond() > MAX_SECONDS) {
            throw new IllegalArgumentException("token times must fit 32-bit unsigned epoch seconds");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiry " + expiresAt + " is not after issue " + issuedAt);
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 1-16 of [A-Za-z0-9_-]: \"" + keyId + "\"");
        }
        if (elderId.getBytes(StandardCharsets.UTF_8).length > MAX_ELDER_ID_BYTES) {
            throw new IllegalArgumentException("elder id longer than " + MAX_ELDER_ID_BYTES + " UTF-8 bytes");
        }
        if (!cardUid.isEmpty() && !CARD_UID.matcher(cardUid).matches()) {
            throw new IllegalArgumentException(
                    "card UID must be 8-20 upper-case hex digits, whole bytes: \"" + cardUid + "\"");
        }
        if (elderId.isEmpty() && cardUid.isEmpty()) {
            throw new IllegalArgumentException("a token names an elder, a card, or both");
        }
    }

    byte[] toBytes() {
        byte[] key = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] elder = elderId.getBytes(StandardCharsets.UTF_8);
        byte[] uid = HexFormat.of().parseHex(cardUid);
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + 4 + 1 + key.length + 1 + elder.length + 1 + uid.length);
        out.put((byte) kind);
        out.putInt((int) issuedAt.getEpochSecond());
        out.putInt((int) expiresAt.getEpochSecond());
        out.put((byte) key.length).put(key);
        out.put((byte) elder.length).put(elder);
        out.put((byte) uid.length).put(uid);
        return out.array();
    }

    /**
     * Parses the layout strictly: every length in range, no trailing bytes.
     *
     * @throws IllegalArgumentException with a reason, for any deviation
     */
    static QrPayload fromBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int kind = Byte.toUnsignedInt(in.get());
            Instant issued = Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt()));
            Instant expires = Instant.ofEpochSecond(Integer.toUnsignedLong(in.getInt()));
            String key = new String(field(in, 16, "key id"), StandardCharsets.US_ASCII);
            String elder = strictUtf8(field(in, MAX_ELDER_ID_BYTES, "elder id"));
            byte[] uid = field(in, 10, "card UID");
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " trailing bytes after the payload");
            }
            return new QrPayload(kind, issued, expires, key, elder, HexFormat.of().withUpperCase().formatHex(uid));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("payload truncated (" + bytes.length + " bytes)");
        }
    }

    private static byte[] field(ByteBuffer in, int max, String name) {
        int length = Byte.toUnsignedInt(in.get());
        if (length > max) {
            throw new IllegalArgumentException(name + " length " + length + " exceeds " + max);
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("elder id is not valid UTF-8");
        }
    }
}
