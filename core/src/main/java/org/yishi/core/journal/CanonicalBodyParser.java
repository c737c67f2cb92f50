package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a record body that is already in canonical JSON (docs/journal-format.md §3) in one pass, checking the
 * canonical form as it goes, instead of parsing with {@link StrictJsonParser}, writing the result again with
 * {@link CanonicalJson} and comparing the two texts: that was a third of the cost of reading a journal line.
 *
 * <p>It only answers for the good case. Anything that is not exactly canonical — whitespace, members out of order or
 * repeated, an escape {@link CanonicalJson} would not write, a fraction, {@code -0}, an integer out of range, nesting
 * deeper than {@link StrictJsonParser#MAX_DEPTH}, a body that is not an object — gives {@code null}, and the caller
 * takes the general path, which names the problem (MALFORMED or NOT_CANONICAL) exactly as before. When it accepts a
 * text, the value is equal to what {@link StrictJsonParser#parse} returns for it (unmodifiable {@link TreeMap}s and
 * lists, {@link Long}, {@link Boolean}, {@link String}, null), and {@link CanonicalJson#write} of that value is the
 * text itself: each construct accepted below is one {@link CanonicalJson} writes, and only that.
 *
 * <p>One instance per text; not thread-safe.
 */
final class CanonicalBodyParser {

    /** Thrown inside the parser when the text is not canonical; never leaves {@link #parse}. */
    private static final class NotCanonical extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotCanonical() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private CanonicalBodyParser(String text) {
        this.text = text;
    }

    /** The body's fields if {@code body} is a canonical JSON object, else null. */
    static Map<String, Object> parse(String body) {
        if (body.isEmpty() || body.charAt(0) != '{') {
            return null;
        }
        CanonicalBodyParser parser = new CanonicalBodyParser(body);
        try {
            Map<String, Object> fields = parser.object(1);
            return parser.pos == body.length() ? fields : null;
        } catch (NotCanonical | IndexOutOfBoundsException e) {
            // IndexOutOfBounds: the text ended inside a value.
            return null;
        }
    }

    private Object value(int depth) {
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        TreeMap<String, Object> members = new TreeMap<>();
        if (text.charAt(pos) == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        String previous = null;
        while (true) {
            if (text.charAt(pos) != '"') {
                throw new NotCanonical();
            }
            String name = string();
            // Strictly increasing in UTF-16 code units: sorted as CanonicalJson sorts, and no name twice.
            if (previous != null && previous.compareTo(name) >= 0) {
                throw new NotCanonical();
            }
            expect(':');
            members.put(name, value(depth));
            previous = name;
            char c = text.charAt(pos++);
            if (c == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (c != ',') {
                throw new NotCanonical();
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> elements = new ArrayList<>();
        if (text.charAt(pos) == ']') {
            pos++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            elements.add(value(depth));
            char c = text.charAt(pos++);
            if (c == ']') {
                return Collections.unmodifiableList(elements);
            }
            if (c != ',') {
                throw new NotCanonical();
            }
        }
    }

    /** A string as {@link CanonicalJson} writes it: only its escapes, lower-case hex, no unpaired surrogate. */
    private String string() {
        int start = ++pos;
        StringBuilder decoded = null;
        while (true) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = decoded == null ? text.substring(start, pos) : decoded.toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw new NotCanonical();
            }
            if (c == '\\') {
                if (decoded == null) {
                    decoded = new StringBuilder(text.length() - start).append(text, start, pos);
                }
                decoded.append(escape());
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (!Character.isLowSurrogate(text.charAt(pos + 1))) {
                    throw new NotCanonical();
                }
                if (decoded != null) {
                    decoded.append(c).append(text.charAt(pos + 1));
                }
                pos += 2;
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new NotCanonical();
            }
            if (decoded != null) {
                decoded.append(c);
            }
            pos++;
        }
    }

    /** The character of the escape at {@code pos} (a backslash), if it is one CanonicalJson writes. */
    private char escape() {
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                break;
            default:
                throw new NotCanonical(); // \/ and anything else
        }
        // Only backslash-u-00xx with lower-case hex, for a control character that has no short escape.
        if (text.charAt(pos) != '0' || text.charAt(pos + 1) != '0') {
            throw new NotCanonical();
        }
        int high = lowerHex(text.charAt(pos + 2));
        int low = lowerHex(text.charAt(pos + 3));
        pos += 4;
        char c = (char) (high * 16 + low);
        if (c >= 0x20 || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
            throw new NotCanonical();
        }
        return c;
    }

    private static int lowerHex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new NotCanonical();
    }

    /** An integer in plain decimal: no leading zero, no {@code -0}, no fraction or exponent, within ±(2^53−1). */
    private Long number() {
        int start = pos;
        boolean negative = text.charAt(pos) == '-';
        if (negative) {
            pos++;
        }
        int first = pos;
        char c = text.charAt(pos);
        if (c < '0' || c > '9') {
            throw new NotCanonical();
        }
        long n = 0;
        while (pos < text.length() && (c = text.charAt(pos)) >= '0' && c <= '9') {
            if (pos - first >= 16) {
                throw new NotCanonical(); // 17 digits exceed 2^53 − 1 (16 digits)
            }
            n = n * 10 + (c - '0');
            pos++;
        }
        int length = pos - first;
        if ((length > 1 && text.charAt(first) == '0') || (negative && n == 0) || n > CanonicalJson.MAX_SAFE_INTEGER) {
            throw new NotCanonical();
        }
        if (pos < text.length() && ((c = text.charAt(pos)) == '.' || c == 'e' || c == 'E')) {
            throw new NotCanonical();
        }
        assert pos > start;
        return negative ? -n : n;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw new NotCanonical();
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new NotCanonical();
        }
        pos++;
    }

    private static void checkDepth(int depth) {
        if (depth > StrictJsonParser.MAX_DEPTH) {
            throw new NotCanonical();
        }
    }
}
