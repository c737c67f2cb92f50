package org.yishi.core.journal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs with one Ed25519 key pair through BouncyCastle's RFC 8032 implementation, with the key material prepared
 * once: the raw seed and the raw public key. Passing the public key to {@code Ed25519.sign} saves the scalar
 * multiplication that would otherwise re-derive it on every signature — half the cost of signing. (BouncyCastle has
 * no public form of the expanded secret; re-expanding it is one SHA-512 of 32 bytes per signature.)
 *
 * <p>Handing BouncyCastle a public key that is not the seed's own would leak the secret key through two signatures
 * of one message ("double public key" misuse), so the constructor derives the public key from the seed and refuses a
 * pair that does not match. Pure Ed25519 is deterministic: the signatures are byte for byte the JDK provider's.
 *
 * <p>Immutable and thread-safe; never reveals the seed.
 */
final class Ed25519Signer {

    static final int SIGNATURE_BYTES = Ed25519.SIGNATURE_SIZE;

    private final byte[] seed;
    private final byte[] publicKey;

    /**
     * @throws IllegalArgumentException if either key is not Ed25519, or the public key is not the private key's
     */
    Ed25519Signer(PrivateKey privateKey, PublicKey publicKey) {
        byte[] rawSeed = Ed25519Encodings.rawSeed(privateKey);
        byte[] rawPublic = Ed25519Encodings.rawPublicKey(publicKey);
        byte[] derived = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(rawSeed, 0, derived, 0);
        if (!Arrays.equals(derived, rawPublic)) {
            Arrays.fill(rawSeed, (byte) 0);
            throw new IllegalArgumentException("private and public key do not belong together");
        }
        this.seed = rawSeed;
        this.publicKey = rawPublic;
    }

    /** The 64-byte Ed25519 signature of {@code data} (RFC 8032 §5.1.6: pure, no context, no pre-hash). */
    byte[] sign(byte[] data) {
        byte[] signature = new byte[SIGNATURE_BYTES];
        Ed25519.sign(seed, 0, publicKey, 0, data, 0, data.length, signature, 0);
        return signature;
    }

    @Override
    public String toString() {
        return "Ed25519Signer[seed hidden]";
    }
}
