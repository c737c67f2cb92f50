package org.yishi.server.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.yishi.core.journal.JournalFormat;

/**
 * Till API tokens ({@code yt1.<tillId>.<43 base64url characters>}, 256 random bits) and one-time enrolment codes
 * (10 characters of an alphabet without look-alikes, typed by a person). The server keeps only their SHA-256: a
 * database copy lets nobody act as a till.
 */
public final class TillTokens {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String newToken(String tillId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return "yt1." + tillId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public String newEnrolmentCode() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)]);
        }
        return sb.toString();
    }

    public static String hash(String secret) {
        return JournalFormat.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A typed code as stored: upper-case, without spaces (people type "abcde fghij"). */
    public static String normaliseCode(String typed) {
        return typed.strip().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
