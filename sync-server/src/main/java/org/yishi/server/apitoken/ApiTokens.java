package org.yishi.server.apitoken;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Administrator API tokens: {@code ya1.<tokenId>.<43 base64url characters>} (256 random bits), the token id — 12
 * characters, shown in lists and the audit log — naming it without revealing it. The server keeps only the SHA-256.
 */
final class ApiTokens {

    static final String PREFIX = "ya1.";
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** A new token id and the token that carries it. */
    record Minted(String tokenId, String token) {
    }

    Minted mint() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new Minted(id.toString(), PREFIX + id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
