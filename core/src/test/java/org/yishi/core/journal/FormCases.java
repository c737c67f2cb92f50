package org.yishi.core.journal;

import static org.yishi.core.journal.ConformanceJournal.LOGIN;
import static org.yishi.core.journal.ConformanceJournal.REPRINT_1;
import static org.yishi.core.journal.ConformanceJournal.REPRINT_2;
import static org.yishi.core.journal.ConformanceJournal.SALE_CARD;
import static org.yishi.core.journal.ConformanceJournal.SALE_WALK_IN;
import static org.yishi.core.journal.ConformanceJournal.SHIFT1_CLOSE;
import static org.yishi.core.journal.ConformanceJournal.SHIFT1_OPEN;
import static org.yishi.core.journal.ConformanceJournal.STAFF_LONG_DETAIL;
import static org.yishi.core.journal.ConformanceJournal.TILL_START;
import static org.yishi.core.journal.ProblemKind.MALFORMED;
import static org.yishi.core.journal.ProblemKind.NOT_CANONICAL;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Cases of §9 steps 1 and 2: lines that are not a record, or not its one canonical byte form. Every one is reported
 * with seq 0 (a line that cannot be parsed has no seq to trust) at the line it is on. The bytes after the first
 * space are still signed correctly by the key the body names, so only the form is wrong.
 */
final class FormCases {

    private final List<String> day;
    private final List<ConformanceCase> cases = new ArrayList<>();

    private FormCases(List<String> day) {
        this.day = day;
    }

    static List<ConformanceCase> of(List<String> day) {
        FormCases c = new FormCases(day);
        c.lineForm();
        c.body();
        c.canonical();
        c.time();
        return c.cases;
    }

    private void lineForm() {
        byte[] whole = Tamper.bytes(day);
        cases.add(ConformanceCase.invalid("torn-last-line", "1", MALFORMED, 0, day.size(),
                "§2: every record ends with LF; a last line without it is a torn write (§10)",
                java.util.Arrays.copyOf(whole, whole.length - 1)));
        cases.add(ConformanceCase.invalid("byte-order-mark", "1", MALFORMED, 0, 1, "§2: no byte order mark",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Tamper.bytes(cut(day, 1)))));
        List<String> blank = cut(day, SALE_CARD);
        blank.add((int) SALE_CARD - 1, "");
        cases.add(ConformanceCase.invalid("blank-line", "1", MALFORMED, 0, SALE_CARD, "§2: no blank lines", Tamper.bytes(blank)));
        cases.add(invalidUtf8());
        cases.add(form("signature-87-characters", "1", MALFORMED, SALE_CARD, "§2: the signature is 88 base64 characters",
                day, line -> line.replaceFirst("== ", "= ")));
        cases.add(form("signature-base64-padding-bits", "1", NOT_CANONICAL, SALE_CARD,
                "§2: one base64 spelling of the signature (the unused bits of its last character are zero)", day,
                FormCases::setUnusedSignatureBits));
        cases.add(form("two-spaces", "1", NOT_CANONICAL, SALE_CARD,
                "§2: one space; the body starts after the first and may not start with whitespace (§3 rule 2)",
                Tamper.editText(day, SALE_CARD, body -> " " + body), UnaryOperator.identity()));
        cases.add(form("carriage-return", "1", NOT_CANONICAL, SALE_CARD, "§2: no CR before the LF", day, line -> line + "\r"));
    }

    /** The walk-in's 例汤 cut to its first two bytes: not UTF-8, though signed and chained like any body. */
    private ConformanceCase invalidUtf8() {
        int i = (int) SALE_WALK_IN - 1;
        byte[] body = Tamper.bodyOf(day.get(i)).getBytes(StandardCharsets.UTF_8);
        byte[] soup = "例汤".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(body, soup);
        byte[] broken = concat(java.util.Arrays.copyOf(body, at + 2), java.util.Arrays.copyOfRange(body, at + 3, body.length));
        byte[] line = concat((Base64.getEncoder().encodeToString(ConformanceKeys.A.sign(broken)) + " ").getBytes(StandardCharsets.US_ASCII),
                broken, new byte[] {'\n'});
        List<String> after = Tamper.rechainFrom(day, i + 1, JournalFormat.sha256Hex(broken));
        byte[] content = concat(Tamper.bytes(day.subList(0, i)), line,
                Tamper.bytes(after.subList(i + 1, (int) Math.min(after.size(), SALE_WALK_IN + ConformanceSuite.TAIL))));
        return ConformanceCase.invalid("invalid-utf-8", "1", MALFORMED, 0, SALE_WALK_IN, "§2: the journal is UTF-8", content);
    }

    private void body() {
        cases.add(text("fraction", "2", MALFORMED, SALE_CARD, "§3 rule 1: no fractions (money is integer fen)",
                b -> b.replace("\"priceFen\":1200,", "\"priceFen\":1200.0,")));
        cases.add(text("exponent", "2", MALFORMED, SHIFT1_OPEN, "§3 rule 1: no exponents",
                b -> b.replace("\"openingFloatFen\":20000", "\"openingFloatFen\":2E4")));
        cases.add(text("integer-beyond-2-53", "2", MALFORMED, SHIFT1_OPEN, "§3 rule 1: integers within ±(2^53−1)",
                b -> b.replace("\"openingFloatFen\":20000", "\"openingFloatFen\":9007199254740992")));
        cases.add(text("duplicate-member", "2", MALFORMED, SHIFT1_OPEN, "§3 rule 3: member names are unique",
                b -> b.replace("{\"cashier\":\"1001\",", "{\"cashier\":\"1001\",\"cashier\":\"1001\",")));
        cases.add(text("unpaired-surrogate", "2", MALFORMED, REPRINT_2, "§3 rule 4: no unpaired surrogates",
                b -> b.replace("lost the receipt", "lost the receipt \\ud83c")));
        cases.add(text("nesting-33-levels", "2", MALFORMED, LOGIN, "§3 rule 5: nesting at most 32 levels (here 33)",
                b -> b.replace("\"detail\":null", "\"detail\":" + "[".repeat(31) + "]".repeat(31))));
        cases.add(body("ninth-body-member", "2", MALFORMED, SHIFT1_OPEN, "§4: exactly the eight body members",
                b -> b.put("note", "x")));
        cases.add(body("body-member-missing", "2", MALFORMED, SHIFT1_OPEN, "§4: exactly the eight body members (time missing)",
                b -> b.remove(JournalFormat.FIELD_TIME)));
        cases.add(body("format-2", "2", MALFORMED, SHIFT1_OPEN, "§4: format is 1", b -> b.put(JournalFormat.FIELD_FORMAT, 2L)));
        cases.add(body("unknown-type", "2", MALFORMED, SHIFT1_OPEN, "§4/§9 step 2: a known record type",
                b -> b.put(JournalFormat.FIELD_TYPE, "LUNCH")));
        cases.add(body("seq-as-string", "2", MALFORMED, SHIFT1_OPEN, "§4: seq is an integer",
                b -> b.put(JournalFormat.FIELD_SEQ, Long.toString(SHIFT1_OPEN))));
        String keyId = ConformanceKeys.A.keyId();
        cases.add(text("key-id-upper-case", "2", MALFORMED, SHIFT1_OPEN, "§4: keyId is 16 lower-case hex",
                b -> b.replace("\"keyId\":\"" + keyId + "\"", "\"keyId\":\"" + keyId.toUpperCase(java.util.Locale.ROOT) + "\"")));
    }

    private void canonical() {
        cases.add(text("member-order", "2", NOT_CANONICAL, SHIFT1_OPEN, "§3 rule 3: members sorted (seq written before prev)",
                FormCases::seqBeforePrev));
        cases.add(text("payload-member-order", "2", NOT_CANONICAL, SHIFT1_OPEN, "§3 rule 3: nested members sorted too",
                b -> b.replace("{\"cashier\":\"1001\",\"openingFloatFen\":20000,", "{\"openingFloatFen\":20000,\"cashier\":\"1001\",")));
        cases.add(text("whitespace", "2", NOT_CANONICAL, SHIFT1_OPEN, "§3 rule 2: no whitespace outside strings",
                b -> b.replace("{\"format\":1,", "{\"format\": 1,")));
        cases.add(text("escaped-slash", "2", NOT_CANONICAL, TILL_START, "§3 rule 4: / is written as itself (not \\/)",
                b -> b.replaceFirst("/", "\\\\/")));
        cases.add(text("unicode-escape-of-ascii", "2", NOT_CANONICAL, SHIFT1_OPEN, "§3 rule 4: no \\u escape for a printable character",
                b -> b.replace("\"cashier\":\"1001\"", "\"cashier\":\"\\u0031001\"")));
        cases.add(text("long-escape-for-newline", "2", NOT_CANONICAL, REPRINT_1, "§3 rule 4: a newline is \\n (not \\u000a)",
                b -> b.replace("\\n", "\\u000a")));
        cases.add(text("upper-case-hex-escape", "2", NOT_CANONICAL, REPRINT_1, "§3 rule 4: \\u00xx with lower-case hex",
                b -> b.replace("\\n", "\\u000A")));
        cases.add(text("astral-as-surrogate-escapes", "2", NOT_CANONICAL, STAFF_LONG_DETAIL,
                "§3 rule 4: a character above U+FFFF as its 4 UTF-8 bytes (not a surrogate pair escape)",
                b -> b.replaceFirst(ConformanceJournal.RICE, "\\\\ud83c\\\\udf5a")));
        cases.add(text("minus-zero", "2", NOT_CANONICAL, SHIFT1_CLOSE, "§3 rule 1: 0 is never -0",
                b -> b.replaceFirst("\"refunds\":0", "\"refunds\":-0")));
    }

    private void time() {
        cases.add(time("time-z", "§4: a numeric offset (+00:00 not Z)", t -> utc(t, "'Z'")));
        cases.add(time("time-minus-zero-offset", "§4: -00:00 (offset unknown) is not allowed; UTC is +00:00", t -> utc(t, "'-00:00'")));
        cases.add(time("time-without-milliseconds", "§4: always milliseconds",
                t -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"))));
        cases.add(time("time-four-fraction-digits", "§4: exactly three fraction digits",
                t -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSxxx"))));
        cases.add(time("time-offset-seconds", "§4: no seconds in the offset",
                t -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxxxx")) + ":00"));
    }

    private static String utc(OffsetDateTime t, String zone) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS" + zone));
    }

    /** Record 5's time spelt another way: the same instant, or near it, but not the canonical text. */
    private ConformanceCase time(String name, String rule, java.util.function.Function<OffsetDateTime, String> spelling) {
        return text(name, "2", NOT_CANONICAL, SHIFT1_OPEN, rule, b -> {
            String time = (String) Forger.body("x " + b).get(JournalFormat.FIELD_TIME);
            return b.replace("\"time\":\"" + time + "\"", "\"time\":\"" + spelling.apply(OffsetDateTime.parse(time)) + "\"");
        });
    }

    private ConformanceCase text(String name, String step, ProblemKind kind, long seq, String rule, UnaryOperator<String> edit) {
        return form(name, step, kind, seq, rule, Tamper.editText(day, seq, edit), UnaryOperator.identity());
    }

    private ConformanceCase body(String name, String step, ProblemKind kind, long seq, String rule,
            java.util.function.Consumer<java.util.Map<String, Object>> edit) {
        return form(name, step, kind, seq, rule, Tamper.edit(day, seq, edit), UnaryOperator.identity());
    }

    /** Line {@code seq} of {@code lines} changed by {@code lineEdit} (after which it is not re-signed), cut after the tail. */
    private static ConformanceCase form(String name, String step, ProblemKind kind, long seq, String rule, List<String> lines,
            UnaryOperator<String> lineEdit) {
        List<String> out = cut(lines, seq);
        out.set((int) seq - 1, lineEdit.apply(out.get((int) seq - 1)));
        return ConformanceCase.invalid(name, step, kind, 0, seq, rule, Tamper.bytes(out));
    }

    private static List<String> cut(List<String> lines, long seq) {
        return Tamper.upTo(lines, seq + ConformanceSuite.TAIL);
    }

    private static String seqBeforePrev(String body) {
        int prev = body.indexOf(",\"prev\":");
        int seq = body.indexOf(",\"seq\":");
        int till = body.indexOf(",\"tillId\":");
        return body.substring(0, prev) + body.substring(seq, till) + body.substring(prev, seq) + body.substring(till);
    }

    /**
     * 64 bytes are 86 base64 characters and "==": the last character carries 2 bits of the signature and 4 unused
     * bits, which must be zero. Setting one gives a text that decodes (leniently) to the same signature.
     */
    private static String setUnusedSignatureBits(String line) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int value = alphabet.indexOf(line.charAt(85));
        return line.substring(0, 85) + alphabet.charAt(value | 1) + line.substring(86);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
