package org.yishi.core.journal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses JSON text into the value domain of {@link CanonicalJson}: {@link String}, {@link Long}, {@link Boolean},
 * {@code null}, unmodifiable {@link List} and unmodifiable sorted {@link Map}. It accepts any RFC 8259 syntax
 * (whitespace, escapes such as {@code \/}), so that a body that is valid JSON but not canonical is reported as
 * not canonical by comparing it with its re-serialisation, rather than as unreadable. It rejects what the journal
 * can never contain: fractions and exponents, integers beyond ±(2<sup>53</sup>−1), duplicate member names,
 * unpaired surrogates, and nesting deeper than {@value #MAX_DEPTH}.
 *
 * <p>Deliberately separate from any general JSON library so that the verifier's acceptance rules are written
 * down in one place and match the format document.
 */
public final class StrictJsonParser {

    /** Records are shallow; the limit only guards against hostile input exhausting the stack. */
    public static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private StrictJsonParser(String text) {
        this.text = text;
    }

    /**
     * Parses one complete JSON value.
     *
     * @throws JsonSyntaxException naming the (0-based) character index and the problem
     */
    public static Object parse(String text) {
        StrictJsonParser parser = new StrictJsonParser(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("unexpected end of text, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++;
        TreeMap<String, Object> members = new TreeMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int nameAt = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (members.containsKey(name)) {
                pos = nameAt;
                throw error("duplicate member name \"" + name + "\"");
            }
            members.put(name, v);
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return Collections.unmodifiableMap(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return Collections.unmodifiableList(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String string() {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                pos = start;
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                pos--;
                throw error("raw control character U+" + String.format("%04X", (int) c) + " in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(pos + i), 16);
                        if (d < 0) {
                            throw error("bad hex digit in \\u escape");
                        }
                        cp = cp * 16 + d;
                    }
                    pos += 4;
                    sb.append((char) cp);
                }
                default -> {
                    pos--;
                    throw error("invalid escape '\\" + printable(e) + "'");
                }
            }
        }
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < sb.length() && Character.isLowSurrogate(sb.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                pos = start;
                throw error("string contains an unpaired UTF-16 surrogate");
            }
        }
        return sb.toString();
    }

    private Long number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == digitsStart) {
            throw error("expected digits after '-'");
        }
        if (text.charAt(digitsStart) == '0' && pos - digitsStart > 1) {
            pos = start;
            throw error("number with a leading zero");
        }
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos = start;
            throw error("floating point number: the journal holds integers only (money is integer fen)");
        }
        String digits = text.substring(start, pos);
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            pos = start;
            throw error("integer " + digits + " is out of range");
        }
        if (n > CanonicalJson.MAX_SAFE_INTEGER || n < -CanonicalJson.MAX_SAFE_INTEGER) {
            pos = start;
            throw error("integer " + digits + " is outside ±" + CanonicalJson.MAX_SAFE_INTEGER);
        }
        return n;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal, expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of text");
        }
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(message, pos);
    }

    /** JSON text the journal cannot accept; {@link #index()} is the 0-based character position. */
    public static final class JsonSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        JsonSyntaxException(String message, int index) {
            super(message + " at character " + (index + 1));
            this.index = index;
        }

        public int index() {
            return index;
        }
    }
}
