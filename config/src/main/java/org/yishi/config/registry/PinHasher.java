package org.yishi.config.registry;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt for staff PINs (spring-security-crypto's {@link BCrypt}, which has no dependencies). A 4-6 digit PIN has
 * at most a million values, so the hash alone does not protect it against someone holding staff.csv: the cost makes
 * each guess slow, and the lockout protects the till. PINs come in as {@code char[]} and are wiped after use. Beside
 * {@link StaffRecord} because it makes the {@code pin_hash} of staff.csv: the till checks logins with it, and whoever
 * writes a staff.csv ({@code ./yishi staff hash-pin}, {@code demo-data}) hashes with it.
 */
public final class PinHasher {

    /** Cost 10: 2^10 rounds; see docs/staff.md for the measured time per check. */
    public static final int DEFAULT_COST = 10;
    private static final Pattern PIN = Pattern.compile("\\d{4,8}");

    private final int cost;
    private final SecureRandom random;

    public PinHasher(int cost, SecureRandom random) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, found " + cost);
        }
        this.cost = cost;
        this.random = random;
    }

    public PinHasher(int cost) {
        this(cost, new SecureRandom());
    }

    /**
     * The bcrypt hash of a new PIN.
     *
     * @throws IllegalArgumentException if the PIN is not 4-8 digits (the message never contains it)
     */
    public String hash(char[] pin) {
        if (!PIN.matcher(CharBuffer.wrap(pin)).matches()) {
            throw new IllegalArgumentException("a PIN must be 4 to 8 digits (found " + pin.length + " characters)");
        }
        byte[] bytes = bytes(pin);
        try {
            return BCrypt.hashpw(bytes, BCrypt.gensalt(cost, random));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Whether {@code pin} matches {@code hash}; false (never an exception) for a malformed hash. */
    public boolean matches(char[] pin, String hash) {
        byte[] bytes = bytes(pin);
        try {
            return BCrypt.checkpw(bytes, hash);
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    public int cost() {
        return cost;
    }

    private static byte[] bytes(char[] pin) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return out;
    }
}
