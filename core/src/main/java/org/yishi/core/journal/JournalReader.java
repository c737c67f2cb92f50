package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads journal lines into {@link SignedRecord}s. Checks the form of each line (canonical body, field types,
 * hash) but not the chain, signatures or meaning: that is {@link JournalVerifier}'s job.
 */
public final class JournalReader {

    private static final Set<String> BODY_FIELDS = Set.of(JournalFormat.FIELD_FORMAT, JournalFormat.FIELD_KEY_ID,
            JournalFormat.FIELD_PAYLOAD, JournalFormat.FIELD_PREV, JournalFormat.FIELD_SEQ,
            JournalFormat.FIELD_TILL_ID, JournalFormat.FIELD_TIME, JournalFormat.FIELD_TYPE);

    private JournalReader() {
    }

    /**
     * Reads every record of a journal file, strictly: a malformed line, including a torn last line without its
     * newline, is an error (open the file with {@link JournalWriter} to recover a torn tail).
     *
     * @throws MalformedRecordException naming the line number and the problem
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static List<SignedRecord> readAll(Path journalFile) {
        List<SignedRecord> records = new ArrayList<>();
        try (JournalLineReader lines = new JournalLineReader(Files.newInputStream(journalFile))) {
            for (JournalLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                try {
                    records.add(parse(line));
                } catch (MalformedRecordException e) {
                    throw new MalformedRecordException(e.kind(), journalFile + " line " + line.number() + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + journalFile + ": " + e.getMessage(), e);
        }
        return records;
    }

    static SignedRecord parse(JournalLineReader.Line line) {
        if (line.text() == null) {
            throw new MalformedRecordException(ProblemKind.MALFORMED, line.decodeError());
        }
        if (!line.terminated()) {
            throw new MalformedRecordException(ProblemKind.MALFORMED,
                    "last line has no terminating newline (torn write)");
        }
        return parseLine(line.text());
    }

    /**
     * Parses one stored line {@code <base64 signature> <canonical body>} (without its newline).
     *
     * @throws MalformedRecordException with kind MALFORMED (unreadable, wrong fields or types) or NOT_CANONICAL
     *                                  (readable but not the single canonical byte form)
     */
    public static SignedRecord parseLine(String line) {
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
        if (!JournalFormat.TILL_ID_PATTERN.matcher(tillId).matches()) {
            throw malformed("till id \"" + tillId + "\" is not 1-64 characters of A-Z a-z 0-9 . _ : - (starting alphanumeric)");
        }
        OffsetDateTime time = parseTime(stringField(fields, JournalFormat.FIELD_TIME));
        String prev = stringField(fields, JournalFormat.FIELD_PREV);
        if (!JournalFormat.HASH_PATTERN.matcher(prev).matches()) {
            throw malformed("prev \"" + prev + "\" is not 64 lower-case hex characters");
        }
        String keyId = stringField(fields, JournalFormat.FIELD_KEY_ID);
        if (!JournalFormat.KEY_ID_PATTERN.matcher(keyId).matches()) {
            throw malformed("keyId \"" + keyId + "\" is not 16 lower-case hex characters");
        }
        if (!(fields.get(JournalFormat.FIELD_PAYLOAD) instanceof Map<?, ?> rawPayload)) {
            throw malformed("payload is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) rawPayload;
        String hash = JournalFormat.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        return new SignedRecord(seq, type, tillId, time, prev, hash, keyId, payload, signature, line);
    }

    static byte[] decodeSignature(String signature) {
        return Base64.getDecoder().decode(signature);
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
