package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;

/**
 * The rules an independent verifier written from docs/journal-format.md found unchecked (issue 10, "Conformance"):
 * one byte form per meaning (no {@code null} for a member that is left out when absent), no rotation back to a
 * retired key, codes in their character set, lengths in code points, and a seq in every report but for unreadable
 * lines. Each rule is checked in the verifier and in the writer.
 */
class JournalConformanceTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();
    private List<String> lines;

    @BeforeEach
    void writeJournal() {
        lines = SampleJournal.write(dir.resolve("journal.log"), keys);
    }

    private JournalProblem problemAfterEditing(long seq, Consumer<Map<String, Object>> editPayload) {
        List<String> t = Forger.editAndResign(lines, (int) seq - 1, body -> editPayload.accept(Forger.payload(body)), keys);
        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(t);
        assertThat(report.ok()).as("verification of the edited journal should fail").isFalse();
        return report.firstProblem().orElseThrow();
    }

    @Test
    void theSampleJournalStillVerifies() {
        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(lines);
        assertThat(report.ok()).as(report.summary()).isTrue();
    }

    @Test
    void aLaterSaleMemberPresentAsNullIsInvalidNotASecondSpellingOfAbsent() {
        for (String member : List.of("paymentRef", "billId", "quotedAt", "refusal")) {
            JournalProblem p = problemAfterEditing(SampleJournal.SALE_CARD, payload -> payload.put(member, null));
            assertThat(p.kind()).as(member).isEqualTo(ProblemKind.INVALID_PAYLOAD);
            assertThat(p.seq()).isEqualTo(SampleJournal.SALE_CARD);
            assertThat(p.message()).contains("SALE." + member + ": null is not allowed");
        }
    }

    @Test
    void theWriterRefusesANullLaterMemberAndWritesNothing() {
        Path file = dir.resolve("w.log");
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "cashier-li", 0));
            Map<String, Object> sale = new HashMap<>(SampleJournal.zengchengSale("R-1", 1, "E1", IdentificationMethod.CARD,
                    "7F3A", null, "cash", false).toPayload());
            sale.put("paymentRef", null);
            long before = w.lastSeq();
            assertThatThrownBy(() -> w.append(RecordType.SALE, sale)).isInstanceOf(JournalRejectedException.class)
                    .hasMessageContaining("INVALID_PAYLOAD").hasMessageContaining("paymentRef: null is not allowed");
            assertThat(w.lastSeq()).isEqualTo(before);
        }
    }

    @Test
    void aRotationBackToARetiredKeyIsRefusedByTheWriterAndTheVerifier() {
        TillKeys second = TillKeys.generate();
        Path file = dir.resolve("rotated.log");
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            w.rotateKey(second, "scheduled");
            assertThatThrownBy(() -> w.rotateKey(keys, "back again")).isInstanceOf(JournalRejectedException.class)
                    .hasMessageContaining("INVALID_PAYLOAD").hasMessageContaining("already retired");
            assertThat(w.keyId()).isEqualTo(second.keyId());
        }
        List<String> t = new ArrayList<>(SampleJournal.lines(file));
        assertThat(JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(t).ok()).isTrue();

        // The same rotation forged by whoever holds the new key: signed correctly, chained correctly, and refused.
        Map<String, Object> body = Forger.body(t.get(1));
        body.put("seq", 3L);
        body.put("prev", JournalReader.parseLine(t.get(1)).hash());
        body.put("keyId", second.keyId());
        body.put("payload", KeyRotationPayload.of(keys.publicKey(), "back again").toPayload());
        t.add(Forger.sign(body, second));
        JournalProblem p = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(t).firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_PAYLOAD);
        assertThat(p.seq()).isEqualTo(3);
        assertThat(p.message()).contains("back to key " + keys.keyId());
    }

    @Test
    void codesOutsideLowerCaseAsciiAreInvalidWhereverACodeIsExpected() {
        Map<String, Consumer<Map<String, Object>>> edits = Map.of(
                "paymentMethod Cash", p -> p.put("paymentMethod", "Cash"),
                "paymentMethod emoji", p -> p.put("paymentMethod", "\uD83D\uDCB0"),
                "funder City", p -> p.put("funderShares", List.of(Map.of("funder", "City", "fen", 300L),
                        Map.of("funder", "district", "fen", 300L), Map.of("funder", "town", "fen", 500L))),
                "funder private use", p -> p.put("funderShares", List.of(Map.of("funder", "\uE000", "fen", 300L),
                        Map.of("funder", "district", "fen", 300L), Map.of("funder", "town", "fen", 500L))),
                "grant funder", p -> p.put("providerGrants", List.of(Map.of("funder", "CITY", "fen", 200L, "role", "operator",
                        "ruleId", "op-meal"))),
                "mealSlot", p -> p.put("mealSlot", "Lunch"),
                "refusal", p -> p.put("refusal", "limit reached"),
                "too long", p -> p.put("paymentMethod", "c".repeat(65)));
        edits.forEach((what, edit) -> {
            JournalProblem p = problemAfterEditing(SampleJournal.SALE_CARD, edit);
            assertThat(p.kind()).as(what).isEqualTo(ProblemKind.INVALID_PAYLOAD);
            assertThat(p.message()).as(what).contains("must be a lower-case code");
        });
        JournalProblem totals = problemAfterEditing(SampleJournal.SHIFT1_CLOSE,
                p -> castMap(castMap(p.get("grand")).get("copayByPaymentMethod")).put("Cash", 1L));
        assertThat(totals.kind()).isEqualTo(ProblemKind.INVALID_PAYLOAD);
        assertThat(totals.message()).contains("copayByPaymentMethod key must be a lower-case code");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theWriterRefusesABadCodeBeforeAnythingIsSigned() {
        assertThatThrownBy(() -> sale("Cash", "city")).hasMessageContaining("paymentMethod must be a lower-case code");
        assertThatThrownBy(() -> sale("cash", "City")).hasMessageContaining("funderShares.funder must be a lower-case code");
        assertThatThrownBy(() -> new RefusedIdentificationPayload(IdentificationMethod.CARD, "Card_Lost", null, null, null))
                .hasMessageContaining("reason must be a lower-case code");
        assertThatThrownBy(() -> new StaffPayload("2001", StaffAction.APPROVAL, "Void", null, null))
                .hasMessageContaining("approvedAction must be a lower-case code");
    }

    @Test
    void realCodesAndRuleIdsStillPass() {
        // Rule ids are ids, not codes (docs/policy-format.md): '-' and '.' and a leading digit stay allowed.
        SalePayload sale = SalePayload.builder().receiptNo("R-9").shiftNo(1).cashier("1001").elderId("E1")
                .identification(IdentificationMethod.CARD).cardUidLast4("7F3A").channel(Channel.DINE_IN).mealSlot("lunch")
                .item(SaleItem.of("M", "午餐", 1, 1000)).amounts(1000, 800, 200)
                .funderShares(List.of(new FunderShare("welfare_lottery", 500), new FunderShare("town", 300)))
                .ruleIds(List.of("age_60_79", "zc-dibao", "2020.base")).policy("p", "1").paymentMethod("unionpay").build();
        assertThat(sale.amounts().paymentMethod()).isEqualTo("unionpay");
    }

    private static SalePayload sale(String paymentMethod, String funder) {
        return SalePayload.builder().receiptNo("R-9").shiftNo(1).cashier("1001").elderId("E1")
                .identification(IdentificationMethod.CARD).cardUidLast4("7F3A").channel(Channel.DINE_IN)
                .item(SaleItem.of("M", "午餐", 1, 1000)).amounts(1000, 800, 200)
                .funderShares(List.of(new FunderShare(funder, 800))).ruleIds(List.of("r")).policy("p", "1")
                .paymentMethod(paymentMethod).build();
    }

    @Test
    void detailLengthCountsCodePointsNotUtf16Units() {
        String emoji = "\uD83C\uDF5A"; // 🍚, one code point, two UTF-16 units
        assertThat(new StaffPayload("1", StaffAction.LOGOUT, null, null, emoji.repeat(200)).detail()).hasSize(400);
        assertThatThrownBy(() -> new StaffPayload("1", StaffAction.LOGOUT, null, null, emoji.repeat(201)))
                .hasMessageContaining("at most 200 characters (code points), found 201");
    }

    @Test
    void aMinusZeroOffsetIsNotTheCanonicalTime() {
        List<String> t = new ArrayList<>(lines);
        Map<String, Object> body = Forger.body(t.get(1));
        body.put("time", "2025-03-03T03:30:07.000-00:00");
        t.set(1, Forger.sign(body, keys));
        JournalProblem p = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(t).firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(ProblemKind.NOT_CANONICAL);
        assertThat(p.lineNumber()).isEqualTo(2);
        assertThat(p.seq()).as("a line that is not a record has no seq").isZero();

        JournalProblem quoted = problemAfterEditing(SampleJournal.SALE_CARD, payload -> payload.put("quotedAt", "2025-03-03T03:30:07.000-00:00"));
        assertThat(quoted.kind()).isEqualTo(ProblemKind.INVALID_PAYLOAD);
        assertThat(quoted.message()).contains("quotedAt");
    }

    @Test
    void missingRecordsAreNamedByTheFirstMissingSeq() {
        JournalProblem empty = JournalVerifier.trustOnFirstUse().verify(List.of()).firstProblem().orElseThrow();
        assertThat(empty.kind()).isEqualTo(ProblemKind.MISSING_RECORDS);
        assertThat(empty.seq()).isEqualTo(1);
        assertThat(empty.lineNumber()).isEqualTo(1);

        JournalProblem cut = JournalVerifier.builder().expectAnchor(SampleJournal.RECORDS, null).build()
                .verify(lines.subList(0, 10)).firstProblem().orElseThrow();
        assertThat(cut.kind()).isEqualTo(ProblemKind.MISSING_RECORDS);
        assertThat(cut.seq()).isEqualTo(11);
        assertThat(cut.lineNumber()).isEqualTo(11);
    }
}
