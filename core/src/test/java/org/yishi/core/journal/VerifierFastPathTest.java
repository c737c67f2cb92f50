package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * The verifier's fast paths answer exactly as the general code they stand in front of: a canonical body or time is
 * accepted with the same value, anything else is left to the general code; a key decoded once verifies exactly the
 * signatures its bytes verify. Random inputs from fixed seeds, so a failure reproduces.
 */
class VerifierFastPathTest {

    private static final String PIECES = "{}[]\":,\\ -0123456789.eEtrufalsn/abu\u0000\u001f\u007f中\uD83C\uDF5A\uD800\uDC00\u2028";

    @Test
    void canonicalBodyParserAcceptsExactlyWhatParseAndRewriteAccept() {
        Random random = new Random(20261203);
        List<String> texts = new ArrayList<>(List.of("{}", "{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"b\":1,\"a\":2}", "{ \"a\":1}",
                "{\"a\":-0}", "{\"a\":01}", "{\"a\":1.0}", "{\"a\":1e3}", "{\"a\":9007199254740991}", "{\"a\":-9007199254740991}",
                "{\"a\":9007199254740992}", "{\"a\":12345678901234567}", "{\"a\":\"\\/\"}", "{\"a\":\"\\u0041\"}",
                "{\"a\":\"\\u001F\"}", "{\"a\":\"\\u001f\"}", "{\"a\":\"\\u000a\"}", "{\"a\":\"\\n\"}", "{\"a\":\"\uD800\"}",
                "{\"a\":\"\uDC00\uD800\"}", "{\"a\":\"\uD83C\uDF5A\"}", "[1]", "\"s\"", "{\"a\":[]}", "{\"a\":[1,]}", "{\"a\":tru}",
                "{\"a\":null}x", "{\"a\":", "{\"a", "{", "", "{\"a\":{\"b\":{}}}", "{\"\":1}", "{\"a\":true,\"b\":false,\"c\":null}",
                "{\"e\":4,\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uE000\":1}", "{\"e\":4,\"\u00e9\":3,\"\uE000\":1,\"\uD83D\uDE00\":2}"));
        texts.add("{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}");
        texts.add("{\"a\":" + "[".repeat(32) + "]".repeat(32) + "}");
        for (int i = 0; i < 20_000; i++) {
            String canonical = CanonicalJson.write(Map.of("payload", randomObject(random, 0), "seq", (long) random.nextInt(1000)));
            texts.add(canonical);
            texts.add(mutate(random, canonical));
        }
        for (String text : texts) {
            Map<String, Object> fast = CanonicalBodyParser.parse(text);
            Object general;
            try {
                general = StrictJsonParser.parse(text);
            } catch (StrictJsonParser.JsonSyntaxException e) {
                general = null;
            }
            boolean generalAccepts = general instanceof Map<?, ?> && CanonicalJson.write(general).equals(text);
            assertThat(fast != null).as(text).isEqualTo(generalAccepts);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(general);
                assertThat(CanonicalJson.write(fast)).isEqualTo(text);
            }
        }
    }

    @Test
    void canonicalTimeAcceptsExactlyWhatTheIsoParserAndFormatterAccept() {
        Random random = new Random(8);
        List<String> texts = new ArrayList<>(List.of("2025-03-03T11:31:04.500+08:00", "2025-03-03T11:31:04.500-00:00",
                "2025-03-03T11:31:04.500+00:00", "2025-03-03T11:31:04.500Z", "2025-02-29T11:31:04.500+08:00",
                "2024-02-29T11:31:04.500+08:00", "2025-13-03T11:31:04.500+08:00", "2025-03-03T24:00:00.000+08:00",
                "2025-03-03T23:59:60.000+08:00", "2025-03-03T11:31:04.500+18:00", "2025-03-03T11:31:04.500+18:01",
                "2025-03-03T11:31:04.500-18:00", "2025-03-03T11:31:04.500+08:60", "2025-03-03T11:31:04.500-00:30",
                "0000-01-01T00:00:00.000+00:00", "9999-12-31T23:59:59.999-12:00", "2025-03-03T11:31:04.50+08:00",
                "2025-03-03T11:31:04.5000+08:00", "2025-03-03T11:31+08:00", "2025-03-03 11:31:04.500+08:00",
                "２025-03-03T11:31:04.500+08:00", "2025-03-03T11:31:04.500+08:00:00"));
        String digits = "0123456789";
        for (int i = 0; i < 50_000; i++) {
            char[] t = "2025-03-03T11:31:04.500+08:00".toCharArray();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                int at = random.nextInt(t.length);
                t[at] = random.nextInt(10) < 8 ? digits.charAt(random.nextInt(10)) : "+-:.TZ x".charAt(random.nextInt(8));
            }
            texts.add(new String(t));
        }
        for (String text : texts) {
            OffsetDateTime fast = CanonicalTime.parse(text);
            OffsetDateTime general;
            try {
                general = OffsetDateTime.parse(text);
            } catch (java.time.DateTimeException e) {
                general = null;
            }
            boolean generalAccepts = general != null && JournalFormat.TIME_PATTERN.matcher(text).matches()
                    && JournalFormat.formatTime(general).equals(text);
            assertThat(fast != null).as(text).isEqualTo(generalAccepts);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(general);
            }
        }
    }

    @Test
    void idPatternsWithoutRegularExpressions() {
        for (String s : List.of("", "A", "a.b_c:d-e", ".a", "-a", "a b", "ä", "A".repeat(64), "A".repeat(65), "GZ-ZC-C01-T1")) {
            assertThat(RecordParser.isTillId(s)).as(s).isEqualTo(JournalFormat.TILL_ID_PATTERN.matcher(s).matches());
        }
        for (String s : List.of("", "0".repeat(16), "0123456789abcdef", "0123456789ABCDEF", "0123456789abcdeg", "0".repeat(17))) {
            assertThat(RecordParser.isLowerHex(s, 16)).as(s).isEqualTo(JournalFormat.KEY_ID_PATTERN.matcher(s).matches());
        }
    }

    @Test
    void aKeyDecodedOnceVerifiesExactlyWhatItsBytesVerify() throws Exception {
        Random random = new Random(25519);
        TillKeys signer = TillKeys.generate();
        List<PublicKey> keys = new ArrayList<>(List.of(signer.publicKey(), TillKeys.generate().publicKey()));
        // Keys BouncyCastle refuses: the identity (small order), a non-canonical y, and y = 2 (no such point).
        for (String raw : List.of("01" + "00".repeat(31), "ff".repeat(31) + "7f", "02" + "00".repeat(31))) {
            keys.add(java.security.KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    HexFormat.of().parseHex("302a300506032b6570032100" + raw))));
        }
        for (int i = 0; i < 300; i++) {
            byte[] message = new byte[random.nextInt(900)];
            random.nextBytes(message);
            byte[] signature = signer.sign(message);
            if (i % 3 == 1) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
            } else if (i % 3 == 2 && message.length > 0) {
                message[random.nextInt(message.length)] ^= 1;
            }
            for (PublicKey key : keys) {
                boolean expected = JournalFormat.verifySignature(key, message, signature);
                byte[] framed = new byte[message.length + 7];
                System.arraycopy(message, 0, framed, 3, message.length);
                assertThat(new Ed25519VerifyKey(key).verify(framed, 3, message.length, signature)).isEqualTo(expected);
            }
        }
        assertThat(Ed25519.SIGNATURE_SIZE).isEqualTo(64);
    }

    @Test
    void lineReaderStillReportsInvalidUtf8AndKeepsTheBytes() throws IOException {
        byte[] replacement = "a \uFFFD".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {'a', ' ', (byte) 0xC3, '\n', 'b', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        byte[] input = new byte[replacement.length + 1 + invalid.length];
        System.arraycopy(replacement, 0, input, 0, replacement.length);
        input[replacement.length] = '\n';
        System.arraycopy(invalid, 0, input, replacement.length + 1, invalid.length);
        try (JournalLineReader reader = new JournalLineReader(new ByteArrayInputStream(input))) {
            JournalLineReader.Line valid = reader.next();
            assertThat(valid.text()).isEqualTo("a \uFFFD");
            assertThat(valid.bytes()).isEqualTo(replacement);
            assertThat(reader.next().decodeError()).startsWith("not valid UTF-8");
            JournalLineReader.Line surrogate = reader.next();
            assertThat(surrogate.text()).isNull();
            assertThat(surrogate.decodeError()).startsWith("not valid UTF-8");
            assertThat(reader.next()).isNull();
        }
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0 -> random.nextBoolean() ? (Object) (long) random.nextInt(100_000) : (Object) (random.nextLong() % CanonicalJson.MAX_SAFE_INTEGER);
            case 1 -> randomString(random);
            case 2 -> random.nextBoolean();
            case 3 -> null;
            case 4 -> (long) -random.nextInt(10);
            case 5 -> randomObject(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            map.put(randomString(random), randomValue(random, depth + 1));
        }
        return map;
    }

    private static String randomString(Random random) {
        String alphabet = "abcAB_-. 中文\"\\/\n\t\b\u0001\u001f\u007f\u2028\uE000";
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            if (random.nextInt(12) == 0) {
                sb.append("\uD83C\uDF5A");
            } else {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    /** One to three random edits: insert, delete or replace a character, often a JSON-significant one. */
    private static String mutate(Random random, String text) {
        StringBuilder sb = new StringBuilder(text);
        for (int k = 1 + random.nextInt(3); k > 0 && sb.length() > 0; k--) {
            int at = random.nextInt(sb.length());
            char c = PIECES.charAt(random.nextInt(PIECES.length()));
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, c);
                case 1 -> sb.deleteCharAt(at);
                default -> sb.setCharAt(at, c);
            }
        }
        return sb.toString();
    }
}
