package org.yishi.core.journal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The raw 32-byte RFC 8032 keys inside the JDK's Ed25519 key encodings. The journal keeps the JDK key types at its
 * API and in its files (X.509 SubjectPublicKeyInfo, PKCS#8 PrivateKeyInfo) and hands the raw bytes to
 * BouncyCastle's RFC 8032 code, which signs ~15 times faster than the JDK provider (docs/journal-format.md §5).
 */
final class Ed25519Encodings {

    /** Raw key and seed size, RFC 8032 §5.1.5. */
    static final int KEY_BYTES = 32;
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes, no unused bits) }, then the raw key. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** Version 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) }, then the seed: 48 bytes in all. */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519Encodings() {
    }

    /**
     * The 32-byte RFC 8032 public key of an Ed25519 {@link PublicKey}.
     *
     * @throws IllegalArgumentException if it is not an X.509-encoded Ed25519 key
     */
    static byte[] rawPublicKey(PublicKey key) {
        byte[] x509 = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        if (x509 == null || x509.length != X509_PREFIX.length + KEY_BYTES
                || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key (" + key.getAlgorithm() + ", " + key.getFormat() + ")");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    /**
     * The 32-byte RFC 8032 secret key (the seed) of an Ed25519 {@link PrivateKey}. The messages never quote key
     * bytes.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 private key
     */
    static byte[] rawSeed(PrivateKey key) {
        byte[] pkcs8 = "PKCS#8".equals(key.getFormat()) ? key.getEncoded() : null;
        try {
            if (pkcs8 != null && pkcs8.length == PKCS8_PREFIX.length + KEY_BYTES
                    && Arrays.equals(pkcs8, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
                return Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, pkcs8.length);
            }
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
        // Another valid PKCS#8 spelling (v2 with the public key attached): the JDK key knows its seed all the same.
        if (key instanceof EdECPrivateKey edec && "Ed25519".equals(edec.getParams().getName())) {
            byte[] seed = edec.getBytes().orElse(null);
            if (seed != null && seed.length == KEY_BYTES) {
                return seed;
            }
        }
        throw new IllegalArgumentException("not an Ed25519 private key (" + key.getAlgorithm() + ", " + key.getFormat() + ")");
    }
}
