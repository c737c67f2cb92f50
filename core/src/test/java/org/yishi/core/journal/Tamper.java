package org.yishi.core.journal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Edits of an honest journal for the conformance suite, each followed by what a careful forger does so that only
 * the intended rule breaks: the edited record is signed again (by the key its body names, unless told otherwise),
 * and every later record is re-chained (its {@code prev}, and a SHIFT_CLOSE's {@code lastHash}) and re-signed by the
 * key it names. Unlike {@link Forger} it keeps each record's own key, so journals with a key rotation stay signed.
 */
final class Tamper {

    private Tamper() {
    }

    static String bodyOf(String line) {
        return line.substring(line.indexOf(' ') + 1);
    }

    static String hashOf(String line) {
        return JournalFormat.bodyHash(bodyOf(line));
    }

    /** A line for {@code bodyText} exactly as given (canonical or not), signed by {@code keys}. */
    static String sign(String bodyText, TillKeys keys) {
        return Base64.getEncoder().encodeToString(keys.sign(bodyText.getBytes(StandardCharsets.UTF_8))) + " " + bodyText;
    }

    /** Line {@code index} (0-based) and after chained to {@code prev} and re-signed, each by the key its body names. */
    static List<String> rechainFrom(List<String> lines, int index, String prev) {
        List<String> out = new ArrayList<>(lines.subList(0, index));
        for (int i = index; i < lines.size(); i++) {
            Map<String, Object> body = Forger.body(lines.get(i));
            chain(body, i == index ? prev : hashOf(out.get(i - 1)));
            out.add(signNamed(body));
        }
        return out;
    }

    /** Edits the body of record {@code seq} (after it was chained where it stands), signs it, re-chains the rest. */
    static List<String> edit(List<String> lines, long seq, Consumer<Map<String, Object>> editBody) {
        int i = (int) seq - 1;
        Map<String, Object> body = Forger.body(lines.get(i));
        chain(body, i == 0 ? JournalFormat.GENESIS_PREV : hashOf(lines.get(i - 1)));
        editBody.accept(body);
        return withLine(lines, i, signNamed(body));
    }

    static List<String> editPayload(List<String> lines, long seq, Consumer<Map<String, Object>> editPayload) {
        return edit(lines, seq, body -> editPayload.accept(Forger.payload(body)));
    }

    /** Record {@code seq} replaced by one of another type, in the same place (seq, prev, time, key). */
    static List<String> replace(List<String> lines, long seq, RecordType type, Map<String, Object> payload) {
        return edit(lines, seq, body -> {
            body.put(JournalFormat.FIELD_TYPE, type.name());
            body.put(JournalFormat.FIELD_PAYLOAD, new java.util.TreeMap<>(payload));
        });
    }

    /** The body text of record {@code seq} edited as text (it may no longer be canonical), signed as it is. */
    static List<String> editText(List<String> lines, long seq, UnaryOperator<String> editBodyText) {
        int i = (int) seq - 1;
        String line = lines.get(i);
        String edited = editBodyText.apply(bodyOf(line));
        if (edited.equals(bodyOf(line))) {
            throw new IllegalArgumentException("the text edit of seq " + seq + " changed nothing");
        }
        return withLine(lines, i, sign(edited, keyNamedBy(line)));
    }

    /** Record {@code seq} signed again by {@code keys}, whatever key its body names. */
    static List<String> signWith(List<String> lines, long seq, TillKeys keys) {
        int i = (int) seq - 1;
        return withLine(lines, i, sign(bodyOf(lines.get(i)), keys));
    }

    /** Record {@code seq} edited, but with the signature it had before (what someone without the key can do). */
    static List<String> editKeepingSignature(List<String> lines, long seq, Consumer<Map<String, Object>> editBody) {
        int i = (int) seq - 1;
        String oldSignature = lines.get(i).substring(0, lines.get(i).indexOf(' '));
        List<String> edited = edit(lines, seq, editBody);
        return withLine(edited, i, oldSignature + " " + bodyOf(edited.get(i)));
    }

    /** Record {@code seq} taken out; the records after it keep their seq but are chained to the one before it. */
    static List<String> delete(List<String> lines, long seq) {
        List<String> out = new ArrayList<>(lines);
        out.remove((int) seq - 1);
        int i = (int) seq - 1;
        return i < out.size() ? rechainFrom(out, i, i == 0 ? JournalFormat.GENESIS_PREV : hashOf(out.get(i - 1))) : out;
    }

    /** A record added at the end: the next seq, chained, signed by {@code keys} (named in its body). */
    static List<String> append(List<String> lines, RecordType type, Map<String, Object> payload, String time, TillKeys keys) {
        Map<String, Object> body = Forger.body(lines.get(lines.size() - 1));
        body.put(JournalFormat.FIELD_SEQ, (long) lines.size() + 1);
        body.put(JournalFormat.FIELD_PREV, hashOf(lines.get(lines.size() - 1)));
        body.put(JournalFormat.FIELD_TIME, time);
        body.put(JournalFormat.FIELD_TYPE, type.name());
        body.put(JournalFormat.FIELD_PAYLOAD, new java.util.TreeMap<>(payload));
        body.put(JournalFormat.FIELD_KEY_ID, keys.keyId());
        List<String> out = new ArrayList<>(lines);
        out.add(sign(CanonicalJson.write(body), keys));
        return out;
    }

    /** The first {@code seq} records: a journal cut off after record {@code seq}. */
    static List<String> upTo(List<String> lines, long seq) {
        return new ArrayList<>(lines.subList(0, (int) Math.min(seq, lines.size())));
    }

    /** The file: every line followed by LF, UTF-8. */
    static byte[] bytes(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> out.writeBytes((l + "\n").getBytes(StandardCharsets.UTF_8)));
        return out.toByteArray();
    }

    private static List<String> withLine(List<String> lines, int i, String line) {
        List<String> out = new ArrayList<>(lines);
        out.set(i, line);
        return i + 1 < out.size() ? rechainFrom(out, i + 1, hashOf(line)) : out;
    }

    private static void chain(Map<String, Object> body, String prev) {
        body.put(JournalFormat.FIELD_PREV, prev);
        if (RecordType.SHIFT_CLOSE.name().equals(body.get(JournalFormat.FIELD_TYPE))) {
            // A careful forger also fixes the Z-report's own pointer to the chain.
            Forger.payload(body).put("lastHash", prev);
        }
    }

    private static String signNamed(Map<String, Object> body) {
        return sign(CanonicalJson.write(body), ConformanceKeys.byId((String) body.get(JournalFormat.FIELD_KEY_ID)));
    }

    private static TillKeys keyNamedBy(String line) {
        return ConformanceKeys.byId((String) Forger.body(line).get(JournalFormat.FIELD_KEY_ID));
    }
}
