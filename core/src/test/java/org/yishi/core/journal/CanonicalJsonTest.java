package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndWritesNoWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1);
        m.put("a", List.of(true, false));
        m.put("m", null);
        m.put("B", Map.of("y", "x"));
        assertThat(CanonicalJson.write(m)).isEqualTo("{\"B\":{\"y\":\"x\"},\"a\":[true,false],\"m\":null,\"z\":1}");
    }

    @Test
    void ordersKeysByUtf16CodeUnitsNotCodePoints() {
        // U+1F600 is a surrogate pair D83D DE00, which sorts BEFORE U+E000 in UTF-16 order (but after it by code point).
        Map<String, Object> m = new HashMap<>();
        m.put("\uE000", 1);
        m.put("\uD83D\uDE00", 2);
        m.put("\u00e9", 3);
        m.put("e", 4);
        assertThat(CanonicalJson.write(m)).isEqualTo("{\"e\":4,\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uE000\":1}");
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        String s = "q\" b\\ \b\f\n\r\t \u0000\u001f\u007f / \u2028 中文 \uD83C\uDF5A";
        String expected = "\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0000\\u001f\u007f / \u2028 中文 \uD83C\uDF5A\"";
        assertThat(CanonicalJson.write(s)).isEqualTo(expected);
    }

    @Test
    void writesNonBmpCharactersAsRawFourByteUtf8() {
        byte[] bytes = CanonicalJson.toBytes("\uD83C\uDF5A"); // 🍚
        assertThat(bytes).containsExactly('"', 0xF0, 0x9F, 0x8D, 0x9A, '"');
    }

    @Test
    void writesIntegersInPlainDecimalWithinTheSafeRange() {
        assertThat(CanonicalJson.write(List.of(0, -1, 1200L, CanonicalJson.MAX_SAFE_INTEGER, -CanonicalJson.MAX_SAFE_INTEGER)))
                .isEqualTo("[0,-1,1200,9007199254740991,-9007199254740991]");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("n", CanonicalJson.MAX_SAFE_INTEGER + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.n");
    }

    @Test
    void rejectsFloatingPointAndDecimalsNamingThePath() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("items", List.of(Map.of("price", 12.5)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.items[0].price").hasMessageContaining("Double").hasMessageContaining("fen");
        assertThatThrownBy(() -> CanonicalJson.write(1.0f)).hasMessageContaining("Float");
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("12.00"))).hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> CanonicalJson.write(BigInteger.TEN)).hasMessageContaining("BigInteger");
        assertThatThrownBy(() -> CanonicalJson.write(new int[] {1})).hasMessageContaining("unsupported value type");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).hasMessageContaining("not a String");
    }

    @Test
    void rejectsUnpairedSurrogates() {
        assertThatThrownBy(() -> CanonicalJson.write("a\uD83Db")).hasMessageContaining("unpaired");
        assertThatThrownBy(() -> CanonicalJson.write("\uDE00")).hasMessageContaining("unpaired");
    }

    @Test
    void parserReadsBackTheValueDomain() {
        Object v = StrictJsonParser.parse("{\"b\":[1,-2,true,null,\"x\\u00e9\\uD83C\\uDF5A\"],\"a\":{}}");
        assertThat(v).isEqualTo(Map.of("a", Map.of(), "b", Arrays.asList(1L, -2L, true, null, "xé\uD83C\uDF5A")));
    }

    @Test
    void parserAcceptsNonCanonicalSyntaxSoThatItCanBeReportedAsSuch() {
        String loose = "{ \"b\" : 1 , \"a\":\"\\/\" }";
        Object v = StrictJsonParser.parse(loose);
        assertThat(CanonicalJson.write(v)).isEqualTo("{\"a\":\"/\",\"b\":1}").isNotEqualTo(loose);
    }

    @Test
    void parserRejectsWhatTheJournalCanNeverHold() {
        assertThatThrownBy(() -> StrictJsonParser.parse("{\"p\":12.5}")).hasMessageContaining("floating point");
        assertThatThrownBy(() -> StrictJsonParser.parse("1e3")).hasMessageContaining("floating point");
        assertThatThrownBy(() -> StrictJsonParser.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member name \"a\"");
        assertThatThrownBy(() -> StrictJsonParser.parse("012")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> StrictJsonParser.parse("9007199254740992")).hasMessageContaining("outside");
        assertThatThrownBy(() -> StrictJsonParser.parse("99999999999999999999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> StrictJsonParser.parse("\"\\uD83D\"")).hasMessageContaining("unpaired");
        assertThatThrownBy(() -> StrictJsonParser.parse("\"a\tb\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> StrictJsonParser.parse("[1,]")).isInstanceOf(StrictJsonParser.JsonSyntaxException.class);
        assertThatThrownBy(() -> StrictJsonParser.parse("{} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> StrictJsonParser.parse("[".repeat(40) + "]".repeat(40))).hasMessageContaining("nesting");
    }

    @Test
    void writeThenParseThenWriteIsStableForRandomValues() {
        java.util.Random random = new java.util.Random(20250303L);
        for (int i = 0; i < 2000; i++) {
            Object value = randomValue(random, 3);
            String once = CanonicalJson.write(value);
            Object back = StrictJsonParser.parse(once);
            assertThat(back).as("round trip of %s", once).isEqualTo(normalised(value));
            assertThat(CanonicalJson.write(back)).isEqualTo(once);
        }
    }

    /** Random values of the journal's domain, strings drawn from ASCII, controls, CJK, surrogate pairs and specials. */
    private static Object randomValue(java.util.Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 7 : 5);
        return switch (kind) {
            case 0 -> randomString(random);
            case 1 -> random.nextLong() % CanonicalJson.MAX_SAFE_INTEGER;
            case 2 -> random.nextInt();
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> {
                List<Object> l = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    l.add(randomValue(random, depth - 1));
                }
                yield l;
            }
            default -> {
                Map<String, Object> m = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    m.put(randomString(random), randomValue(random, depth - 1));
                }
                yield m;
            }
        };
    }

    private static String randomString(java.util.Random random) {
        String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\u0001", "\u001f", "\u007f", "\u00e9", "中",
                "\u2028", "\uD83C\uDF5A", "\uFFFF", "\uE000"};
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            sb.append(pieces[random.nextInt(pieces.length)]);
        }
        return sb.toString();
    }

    /** What the parser gives back for a written value: Integers become Longs. */
    private static Object normalised(Object v) {
        if (v instanceof Integer n) {
            return n.longValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalised(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new HashMap<>();
            m.forEach((k, x) -> out.put(k, normalised(x)));
            return out;
        }
        return v;
    }
}
