package org.yishi.core.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Parses stored journal lines into {@link SignedRecord}s: the work behind {@link JournalReader#parseLine}. An
 * instance keeps its SHA-256 digest, so a verifier gives each of its threads one instead of looking the algorithm
 * up for every line. Each check has a fast path for the line as the writer writes it (canonical body, canonical
 * time) and falls back to the general code, which names the problem, for anything else: the kinds and messages are
 * the same as with the general code alone.
 *
 * <p>Not thread-safe: one per thread.
 */
final class RecordParser {

    private static final Set<String> BODY_FIELDS = Set.of(JournalFormat.FIELD_FORMAT, JournalFormat.FIELD_KEY_ID,
            JournalFormat.FIELD_PAYLOAD, JournalFormat.FIELD_PREV, JournalFormat.FIELD_SEQ,
            JournalFormat.FIELD_TILL_ID, JournalFormat.FIELD_TIME, JournalFormat.FIELD_TYPE);
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;

    RecordParser() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** See {@link JournalReader#parseLine(String)}. */
    SignedRecord parse(String line) {
        return parse(line, null);
    }

    /**
     * Parses one line; {@code lineBytes}, if not null, are its UTF-8 bytes as read from the file (strictly decoded
     * into {@code line}, so encoding the text again would give them back): the body is hashed from them.
     *
     * @throws MalformedRecordException with kind MALFORMED or NOT_CANONICAL
     */
    SignedRecord parse(String line, byte[] lineBytes) {
        if (line == null || line.isEmpty()) {
            throw malformed("empty line");
        }
        if (line.charAt(0) == '\uFEFF') {
            throw malformed("line starts with a byte order mark (U+FEFF)");
        }
        if (line.indexOf('\n') >= 0) {
            throw malformed("line contains a newline");
        }
        int space = line.indexOf(' ');
        if (space < 0) {
            throw malformed("expected '<base64 signature> <body>', found no space");
        }
        String signature = line.substring(0, space);
        checkSignatureText(signature);
        String body = line.substring(space + 1);
        if (body.endsWith("\r")) {
            throw new MalformedRecordException(ProblemKind.NOT_CANONICAL,
                    "line ends with a carriage return (CRLF line endings are not allowed)");
        }
        Map<String, Object> fields = CanonicalBodyParser.parse(body);
        if (fields == null) {
            fields = parseNotCanonical(body);
        }
        for (String name : BODY_FIELDS) {
            if (!fields.containsKey(name)) {
                throw malformed("body field '" + name + "' is missing");
            }
        }
        for (String name : fields.keySet()) {
            if (!BODY_FIELDS.contains(name)) {
                throw malformed("unknown body field '" + name + "'");
            }
        }
        long format = longField(fields, JournalFormat.FIELD_FORMAT);
        if (format != JournalFormat.VERSION) {
            throw malformed("unsupported format version " + format + " (this reader knows " + JournalFormat.VERSION + ")");
        }
        long seq = longField(fields, JournalFormat.FIELD_SEQ);
        if (seq < 1) {
            throw malformed("seq " + seq + " is not positive");
        }
        String typeName = stringField(fields, JournalFormat.FIELD_TYPE);
        RecordType type;
        try {
            type = RecordType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw malformed("unknown record type \"" + typeName + "\"");
        }
        String tillId = stringField(fields, JournalFormat.FIELD_TILL_ID);
        if (!isTillId(tillId)) {
            throw malformed("till id \"" + tillId + "\" is not 1-64 characters of A-Z a-z 0-9 . _ : - (starting alphanumeric)");
        }
        OffsetDateTime time = parseTime(stringField(fields, JournalFormat.FIELD_TIME));
        String prev = stringField(fields, JournalFormat.FIELD_PREV);
        if (!isLowerHex(prev, 64)) {
            throw malformed("prev \"" + prev + "\" is not 64 lower-case hex characters");
        }
        String keyId = stringField(fields, JournalFormat.FIELD_KEY_ID);
        if (!isLowerHex(keyId, 16)) {
            throw malformed("keyId \"" + keyId + "\" is not 16 lower-case hex characters");
        }
        if (!(fields.get(JournalFormat.FIELD_PAYLOAD) instanceof Map<?, ?> rawPayload)) {
            throw malformed("payload is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) rawPayload;
        if (lineBytes != null) {
            int from = bodyOffset(lineBytes);
            sha256.update(lineBytes, from, lineBytes.length - from);
        } else {
            sha256.update(body.getBytes(StandardCharsets.UTF_8));
        }
        String hash = HEX.formatHex(sha256.digest());
        return new SignedRecord(seq, type, tillId, time, prev, hash, keyId, payload, signature, line);
    }

    /**
     * Where the body starts in a line's UTF-8 bytes: after the first space. A space byte never occurs inside a
     * multi-byte UTF-8 sequence, so this is the first space character of the text.
     */
    static int bodyOffset(byte[] lineBytes) {
        for (int i = 0; i < lineBytes.length; i++) {
            if (lineBytes[i] == ' ') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no space in the line");
    }

    /**
     * The general path for a body {@link CanonicalBodyParser} did not accept: parse any JSON, write it canonically and
     * compare, so that the problem is named (unreadable: MALFORMED; readable but another byte form: NOT_CANONICAL).
     */
    private static Map<String, Object> parseNotCanonical(String body) {
        Object parsed;
        try {
            parsed = StrictJsonParser.parse(body);
        } catch (StrictJsonParser.JsonSyntaxException e) {
            throw malformed("body is not valid journal JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> rawFields)) {
            throw malformed("body is not a JSON object");
        }
        String canonical = CanonicalJson.write(parsed);
        if (!canonical.equals(body)) {
            throw new MalformedRecordException(ProblemKind.NOT_CANONICAL, "body is not in canonical form: first difference at body character "
                    + (firstDifference(canonical, body) + 1) + " (expected \"" + excerpt(canonical, firstDifference(canonical, body))
                    + "\", found \"" + excerpt(body, firstDifference(canonical, body)) + "\")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) rawFields;
        return fields;
    }

    private static void checkSignatureText(String signature) {
        if (signature.length() != JournalFormat.SIGNATURE_BASE64_LENGTH) {
            throw malformed("signature must be " + JournalFormat.SIGNATURE_BASE64_LENGTH
                    + " base64 characters (64 bytes), found " + signature.length());
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not valid base64: " + e.getMessage());
        }
        if (raw.length != 64) {
            throw malformed("signature decodes to " + raw.length + " bytes, Ed25519 needs 64");
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(signature)) {
            throw new MalformedRecordException(ProblemKind.NOT_CANONICAL, "signature is not in canonical padded base64");
        }
    }

    private static OffsetDateTime parseTime(String text) {
        OffsetDateTime canonical = CanonicalTime.parse(text);
        if (canonical != null) {
            return canonical;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            throw malformed("time \"" + text + "\" is not an ISO-8601 date-time with offset");
        }
        if (!JournalFormat.TIME_PATTERN.matcher(text).matches() || !JournalFormat.formatTime(time).equals(text)) {
            throw new MalformedRecordException(ProblemKind.NOT_CANONICAL, "time \"" + text
                    + "\" is not in the canonical form yyyy-MM-ddTHH:mm:ss.SSS+hh:mm (expected \"" + JournalFormat.formatTime(time) + "\")");
        }
        return time;
    }

    /** {@link JournalFormat#TILL_ID_PATTERN}, without a regular expression per line. */
    static boolean isTillId(String s) {
        if (s.isEmpty() || s.length() > 64 || !isAsciiAlphanumeric(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiAlphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@link JournalFormat#HASH_PATTERN} (64) and {@link JournalFormat#KEY_ID_PATTERN} (16), without a regular expression. */
    static boolean isLowerHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static long longField(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Long n)) {
            throw malformed("body field '" + name + "' is not an integer");
        }
        return n;
    }

    private static String stringField(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof String s)) {
            throw malformed("body field '" + name + "' is not a string");
        }
        return s;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return n;
    }

    private static String excerpt(String s, int at) {
        return s.substring(at, Math.min(s.length(), at + 12));
    }

    private static MalformedRecordException malformed(String message) {
        return new MalformedRecordException(ProblemKind.MALFORMED, message);
    }
}
