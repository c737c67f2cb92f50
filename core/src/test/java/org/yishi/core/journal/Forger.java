package org.yishi.core.journal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an attacker with file access (and possibly a key) can do: edit record bodies and re-chain and re-sign the
 * journal from some record on. Works on the text, like a script would, independently of the writer.
 */
final class Forger {

    private Forger() {
    }

    /** The body of a line as a deep mutable map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(String line) {
        return (Map<String, Object>) mutable(StrictJsonParser.parse(line.substring(line.indexOf(' ') + 1)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> payload(Map<String, Object> body) {
        return (Map<String, Object>) body.get("payload");
    }

    private static Object mutable(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, mutable(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(mutable(x)));
            return out;
        }
        return v;
    }

    /** A signed line for {@code body} as it is (not re-chained). */
    static String sign(Map<String, Object> body, TillKeys keys) {
        String text = CanonicalJson.write(body);
        return Base64.getEncoder().encodeToString(keys.sign(text.getBytes(StandardCharsets.UTF_8))) + " " + text;
    }

    /**
     * Applies {@code edit} to the body of line {@code index} (0-based), then re-chains every line from
     * {@code index} on (prev = hash of the previous body, and a SHIFT_CLOSE's lastHash with it) and re-signs it with
     * {@code keys} (keyId set to theirs). It does not fix SHIFT_CLOSE totals.
     */
    static List<String> editAndResign(List<String> lines, int index, Consumer<Map<String, Object>> edit, TillKeys keys) {
        List<String> out = new ArrayList<>(lines.subList(0, index));
        for (int i = index; i < lines.size(); i++) {
            Map<String, Object> body = body(lines.get(i));
            if (i == index) {
                edit.accept(body);
            }
            out.add(null);
            out.set(i, rechain(out, i, body, keys));
        }
        return out;
    }

    /** Re-signs a whole journal with another key, TILL_START included: a journal forged from scratch. */
    static List<String> resignAll(List<String> lines, TillKeys keys) {
        return editAndResign(lines, 0, body -> {
            Map<String, Object> p = payload(body);
            p.put("keyId", keys.keyId());
            p.put("publicKey", JournalFormat.encodePublicKey(keys.publicKey()));
        }, keys);
    }

    private static String rechain(List<String> done, int i, Map<String, Object> body, TillKeys keys) {
        if (i > 0) {
            String prevLine = done.get(i - 1);
            String prev = JournalFormat.bodyHash(prevLine.substring(prevLine.indexOf(' ') + 1));
            body.put("prev", prev);
            if ("SHIFT_CLOSE".equals(body.get("type"))) {
                // A careful forger also fixes the Z-report's own pointer to the chain.
                payload(body).put("lastHash", prev);
            }
        }
        body.put("keyId", keys.keyId());
        return sign(body, keys);
    }
}
