package org.yishi.core.journal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The keys of the conformance suite: the three secret keys of RFC 8032 section 7.1 (TEST 1, 2, 3). They are
 * published, so anyone can reproduce every signature of the suite; for the same reason they are NEVER a real till's
 * key. Key A is the till's first key (the pinned one), B the key it rotates to, C an outsider's.
 */
final class ConformanceKeys {

    static final String SEED_A = DocExample.RFC8032_SEED;
    static final String SEED_B = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    static final String SEED_C = "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7";

    static final TillKeys A = fromSeed(SEED_A);
    static final TillKeys B = fromSeed(SEED_B);
    static final TillKeys C = fromSeed(SEED_C);

    private ConformanceKeys() {
    }

    static List<TillKeys> all() {
        return List.of(A, B, C);
    }

    /** The key whose id is {@code keyId}: re-signing a record keeps the key it names. */
    static TillKeys byId(String keyId) {
        return all().stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no conformance key " + keyId));
    }

    /** An Ed25519 pair from its 32-byte RFC 8032 secret key: the public half derived as RFC 8032 §5.1.5 says. */
    static TillKeys fromSeed(String seedHex) {
        HexFormat hex = HexFormat.of();
        byte[] seed = hex.parseHex(seedHex);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            return TillKeys.of(new KeyPair(
                    ed.generatePublic(new X509EncodedKeySpec(hex.parseHex(DocExample.X509_PREFIX + hex.formatHex(publicKey)))),
                    ed.generatePrivate(new PKCS8EncodedKeySpec(hex.parseHex(DocExample.PKCS8_PREFIX + seedHex)))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }
}
