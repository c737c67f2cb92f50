package org.yishi.cardreader.uid;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * How a reader reports a card UID, so that every reader at every canteen yields the same canonical form
 * (upper-case hex, most significant byte first, as PC/SC's {@code FF CA 00 00} returns it).
 *
 * <p>Cheap keyboard-wedge readers differ: some type the bytes reversed (little-endian), some type the UID as a
 * decimal number (often of the first 4 bytes only). Which one a reader does is configuration, not guesswork:
 * a decimal string of digits is also valid hex.
 *
 * @param encoding     HEX or DECIMAL
 * @param reversed     the reader sends the bytes least significant first
 * @param decimalBytes for DECIMAL: how many bytes the number stands for (4 for the common "10-digit" readers)
 */
public record UidFormat(Encoding encoding, boolean reversed, int decimalBytes) {

    /** How the reader writes the number. */
    public enum Encoding { HEX, DECIMAL }

    public static final UidFormat PCSC = new UidFormat(Encoding.HEX, false, 0);

    public UidFormat {
        Objects.requireNonNull(encoding, "encoding");
        if (encoding == Encoding.DECIMAL && (decimalBytes < 4 || decimalBytes > 10)) {
            throw new IllegalArgumentException("a decimal UID stands for 4 to 10 bytes, not " + decimalBytes);
        }
    }

    /**
     * The canonical UID for what the reader reported.
     *
     * @throws IllegalArgumentException saying what is wrong with the input (never echoing more than needed)
     */
    public String canonical(String reported) {
        Objects.requireNonNull(reported, "reported UID");
        String s = reported.strip().replace(" ", "").replace(":", "").replace("-", "");
        byte[] bytes = encoding == Encoding.HEX ? fromHex(s) : fromDecimal(s);
        if (bytes.length < 4 || bytes.length > 10) {
            throw new IllegalArgumentException("a card UID has 4 to 10 bytes, this has " + bytes.length);
        }
        if (reversed) {
            for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
                byte t = bytes[i];
                bytes[i] = bytes[j];
                bytes[j] = t;
            }
        }
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** The canonical UID of raw bytes as a PC/SC reader returns them. */
    public static String canonical(byte[] uid) {
        if (uid.length < 4 || uid.length > 10) {
            throw new IllegalArgumentException("a card UID has 4 to 10 bytes, this has " + uid.length);
        }
        return HexFormat.of().withUpperCase().formatHex(uid);
    }

    private static byte[] fromHex(String s) {
        if (s.length() % 2 != 0 || !s.matches("[0-9A-Fa-f]*")) {
            throw new IllegalArgumentException("a hex UID needs an even number of hex digits: \"" + s.toUpperCase(Locale.ROOT) + "\"");
        }
        return HexFormat.of().parseHex(s);
    }

    private byte[] fromDecimal(String s) {
        if (!s.matches("\\d{1,25}")) {
            throw new IllegalArgumentException("a decimal UID must be digits only");
        }
        BigInteger n = new BigInteger(s);
        if (n.bitLength() > decimalBytes * 8) {
            throw new IllegalArgumentException("the number is too large for a " + decimalBytes + "-byte UID");
        }
        byte[] raw = n.toByteArray();
        byte[] out = new byte[decimalBytes];
        int copy = Math.min(raw.length, decimalBytes);
        System.arraycopy(raw, raw.length - copy, out, decimalBytes - copy, copy);
        return out;
    }
}
