package org.yishi.core.journal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the journal's canonical JSON: the RFC 8785 (JCS) form restricted to values without floating point, so
 * that every record body has exactly one valid byte sequence and hashes/signatures are reproducible by an
 * independent verifier in any language.
 *
 * <p>Rules (docs/journal-format.md, "Canonical JSON"): object members sorted by their names compared as
 * sequences of UTF-16 code units; no whitespace; strings escape only {@code " \ \b \f \n \r \t} and the other
 * control characters below U+0020 (as backslash-u-00xx with lower-case hex), everything else is raw UTF-8; integers in
 * plain decimal and within ±(2<sup>53</sup>−1) so that JCS implementations working in IEEE doubles agree.
 *
 * <p>Accepted values: {@link String}, {@link Long}, {@link Integer}, {@link Boolean}, {@code null}, {@link List},
 * {@link Map} with {@link String} keys. Anything else — in particular {@link Double}, {@link Float} and
 * {@link BigDecimal}, because money is integer fen — is rejected with the path of the offending value.
 */
public final class CanonicalJson {

    /** Largest integer every JCS implementation represents exactly (2^53 − 1). */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical text of {@code value}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        writeValue(out, value, "$");
        return out.toString();
    }

    /** The canonical UTF-8 bytes of {@code value}: what the journal hashes and signs. */
    public static byte[] toBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(StringBuilder out, Object value, String path) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s, path);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue() ? "true" : "false");
        } else if (value instanceof Long || value instanceof Integer) {
            long n = ((Number) value).longValue();
            if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException(path + ": integer " + n + " is outside ±" + MAX_SAFE_INTEGER
                        + " and cannot be written canonically");
            }
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map, path);
        } else if (value instanceof List<?> list) {
            out.append('[');
            int i = 0;
            for (Object element : list) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(out, element, path + "[" + i + "]");
                i++;
            }
            out.append(']');
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            throw new IllegalArgumentException(path + ": floating point or decimal number " + value + " ("
                    + value.getClass().getSimpleName() + ") is not allowed in the journal; money is integer fen");
        } else if (value instanceof BigInteger) {
            throw new IllegalArgumentException(path + ": BigInteger " + value + " is not allowed; use Long");
        } else {
            throw new IllegalArgumentException(path + ": unsupported value type " + value.getClass().getName()
                    + " (allowed: String, Long, Integer, Boolean, null, List, Map<String,?>)");
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, String path) {
        String[] keys = new String[map.size()];
        int n = 0;
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException(path + ": object key " + key + " is not a String");
            }
            keys[n++] = s;
        }
        // String.compareTo compares UTF-16 code units, which is exactly the JCS member order.
        Arrays.sort(keys);
        out.append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, keys[i], path);
            out.append(':');
            writeValue(out, map.get(keys[i]), path + "." + keys[i]);
        }
        out.append('}');
    }

    private static void writeString(StringBuilder out, String s, String path) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw unpaired(path, i);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw unpaired(path, i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static IllegalArgumentException unpaired(String path, int index) {
        return new IllegalArgumentException(path + ": string has an unpaired UTF-16 surrogate at index " + index
                + " and cannot be written as UTF-8");
    }
}
