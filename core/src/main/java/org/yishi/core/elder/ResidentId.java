package org.yishi.core.elder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An 18-character resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * <p>It is sensitive personal information (PIPL): only the settlement server's registry keeps it. Tills and
 * receipts get {@link #last4()} at most, and {@link #toString()} never prints the whole number.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final String value;

    private ResidentId(String value) {
        this.value = value;
    }

    /**
     * Parses and validates a resident ID number.
     *
     * @throws IllegalArgumentException saying which part is wrong (length, characters, birth date, check digit);
     *                                  the message shows only the last 4 characters
     */
    public static ResidentId parse(String text) {
        Objects.requireNonNull(text, "resident ID");
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        String shown = masked(s);
        if (s.length() != 18) {
            throw new IllegalArgumentException("resident ID must have 18 characters, has " + s.length() + " (" + shown + ")");
        }
        for (int i = 0; i < 17; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new IllegalArgumentException("resident ID: character " + (i + 1) + " must be a digit (" + shown + ")");
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new IllegalArgumentException("resident ID: last character must be a digit or X (" + shown + ")");
        }
        try {
            LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("resident ID: characters 7-14 are not a valid birth date (" + shown + ")");
        }
        char expected = checkCharacter(s.substring(0, 17));
        if (expected != last) {
            throw new IllegalArgumentException("resident ID: check character is wrong (" + shown + ")");
        }
        return new ResidentId(s);
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 digits, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int d = first17.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += d * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from its parts (used by demo data). */
    public static ResidentId of(String regionCode, LocalDate birthDate, int sequence) {
        if (!regionCode.matches("\\d{6}") || sequence < 0 || sequence > 999) {
            throw new IllegalArgumentException("region must be 6 digits and sequence 0..999");
        }
        String first17 = regionCode + String.format(java.util.Locale.ROOT, "%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return new ResidentId(first17 + checkCharacter(first17));
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    /** Odd sequence digit: male. */
    public boolean male() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** The last four characters: all a till or a receipt may show. */
    public String last4() {
        return value.substring(14);
    }

    /** The whole number, for the server's registry only. */
    public String fullNumber() {
        return value;
    }

    private static String masked(String s) {
        return s.length() <= 4 ? "****" : "**************".substring(0, Math.min(14, s.length() - 4)) + s.substring(s.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentId r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: never the whole number, so it cannot leak into logs. */
    @Override
    public String toString() {
        return masked(value);
    }
}
