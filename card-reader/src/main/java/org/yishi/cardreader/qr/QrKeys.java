package org.yishi.cardreader.qr;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys for QR tokens as they appear in configuration: a public key is the standard base64 of its X.509
 * SubjectPublicKeyInfo DER (44 bytes, as {@code openssl pkey -pubout -outform DER} writes it).
 */
public final class QrKeys {

    private QrKeys() {
    }

    /** A fresh issuing key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The configuration form of a public key. */
    public static String publicKeyToBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /**
     * Reads a public key from its configuration form.
     *
     * @throws IllegalArgumentException naming what is wrong, if it is not a base64 Ed25519 public key
     */
    public static PublicKey publicKeyFromBase64(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
