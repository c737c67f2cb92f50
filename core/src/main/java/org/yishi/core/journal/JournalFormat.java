package org.yishi.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The fixed parts of journal format version {@value #VERSION}: field names, hash and time encodings, key ids and
 * signature checks. docs/journal-format.md is the normative description; this class is its Java form.
 */
public final class JournalFormat {

    /** Value of the {@code format} body field. */
    public static final int VERSION = 1;
    /** {@code prev} of the first record. */
    public static final String GENESIS_PREV = "0".repeat(64);

    public static final String FIELD_FORMAT = "format";
    public static final String FIELD_KEY_ID = "keyId";
    public static final String FIELD_PAYLOAD = "payload";
    public static final String FIELD_PREV = "prev";
    public static final String FIELD_SEQ = "seq";
    public static final String FIELD_TILL_ID = "tillId";
    public static final String FIELD_TIME = "time";
    public static final String FIELD_TYPE = "type";

    /** Milliseconds always present, offset always numeric ({@code +00:00}, never {@code Z}). */
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

    static final Pattern HASH_PATTERN = Pattern.compile("[0-9a-f]{64}");
    static final Pattern KEY_ID_PATTERN = Pattern.compile("[0-9a-f]{16}");
    static final Pattern TIME_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}");
    /** Visible characters only: a till id ends up in file names, reports and URLs. */
    static final Pattern TILL_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** An Ed25519 signature is 64 bytes: 88 base64 characters with padding. */
    static final int SIGNATURE_BASE64_LENGTH = 88;

    private JournalFormat() {
    }

    /** Lower-case hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hash of a canonical body text: what the next record's {@code prev} holds. */
    public static String bodyHash(String canonicalBody) {
        return sha256Hex(canonicalBody.getBytes(StandardCharsets.UTF_8));
    }

    /** Key id: the first 16 hex characters of SHA-256 over the X.509 SubjectPublicKeyInfo encoding. */
    public static String keyIdOf(PublicKey key) {
        return keyIdOf(key.getEncoded());
    }

    static String keyIdOf(byte[] x509) {
        return sha256Hex(x509).substring(0, 16);
    }

    /** Standard base64 (with padding) of the X.509 encoding, as TILL_START and KEY_ROTATION carry it. */
    public static String encodePublicKey(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Decodes a base64 X.509 Ed25519 public key.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static PublicKey decodePublicKey(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not valid base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(der).equals(base64)) {
            throw new IllegalArgumentException("public key is not in canonical padded base64");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature (RFC 8032 §5.1.7: pure, no context, no pre-hash) of
     * {@code data} under {@code key}. Checked with BouncyCastle's RFC 8032 code, ~7 times the JDK provider's rate
     * (docs/journal-format.md §5); a wrong length, a non-canonical S or an undecodable point is simply invalid.
     *
     * @throws IllegalArgumentException if {@code key} is not an Ed25519 key
     */
    public static boolean verifySignature(PublicKey key, byte[] data, byte[] signature) {
        byte[] rawKey = Ed25519Encodings.rawPublicKey(key);
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, rawKey, 0, data, 0, data.length);
    }

    /** The canonical text of a record time (truncated to milliseconds). */
    public static String formatTime(OffsetDateTime time) {
        return TIME_FORMAT.format(time.truncatedTo(ChronoUnit.MILLIS));
    }
}
