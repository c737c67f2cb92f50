package org.yishi.core.journal;

import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key decoded once for checking many signatures. {@link JournalFormat#verifySignature} hands
 * BouncyCastle the 32 key bytes, and BouncyCastle then decompresses the point (a square root in the field) for every
 * signature; here that is done once, with the same checks ({@code validatePublicKeyPartialExport}: canonical
 * encoding, not of small order, on the curve). A key that fails them verifies nothing, as with the bytes.
 *
 * <p>Immutable and thread-safe.
 */
final class Ed25519VerifyKey {

    private final PublicKey key;
    private final byte[] encoded;
    private final Ed25519.PublicPoint point;

    /** @throws IllegalArgumentException if {@code key} is not an X.509-encoded Ed25519 key */
    Ed25519VerifyKey(PublicKey key) {
        this.key = key;
        this.encoded = key.getEncoded();
        this.point = Ed25519.validatePublicKeyPartialExport(Ed25519Encodings.rawPublicKey(key), 0);
    }

    PublicKey key() {
        return key;
    }

    /** Whether {@code other} is this key (same X.509 encoding). */
    boolean is(PublicKey other) {
        return other == key || (other != null && Arrays.equals(encoded, other.getEncoded()));
    }

    /** As {@link JournalFormat#verifySignature}, over {@code length} bytes of {@code data} from {@code offset}. */
    boolean verify(byte[] data, int offset, int length, byte[] signature) {
        return point != null && signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, point, data, offset, length);
    }
}
