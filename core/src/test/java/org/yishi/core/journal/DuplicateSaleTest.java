package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 items 3 and 6: one meal is one SALE. A reused receipt number (once only a warning) and a second SALE of the
 * same bill are errors, refused by the writer and reported by the verifier, which share one ledger.
 */
class DuplicateSaleTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();

    private static SalePayload walkIn(String receipt, String billId) {
        return SalePayload.builder().receiptNo(receipt).billId(billId).shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200))
                .amounts(1200, 0, 1200).policy("p", "1").paymentMethod("cash").build();
    }

    @Test
    void theWriterRefusesAReusedReceiptNumberAndWritesNothing() {
        try (JournalWriter w = JournalWriter.open(dir.resolve("j.jsonl"), keys, "T1", SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "c", 0));
            w.append(walkIn("R-1", "bill-0001"));
            long last = w.lastSeq();

            assertThatThrownBy(() -> w.append(walkIn("R-1", "bill-0002")))
                    .isInstanceOfSatisfying(JournalRejectedException.class, e -> assertThat(e.problem().kind()).isEqualTo(ProblemKind.DUPLICATE_SALE))
                    .hasMessageContaining("receipt number R-1");
            assertThat(w.lastSeq()).isEqualTo(last);
        }
    }

    @Test
    void theWriterRefusesASecondSaleOfOneBill() {
        try (JournalWriter w = JournalWriter.open(dir.resolve("j.jsonl"), keys, "T1", SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "c", 0));
            w.append(walkIn("R-1", "bill-0001"));

            assertThatThrownBy(() -> w.append(walkIn("R-2", "bill-0001")))
                    .isInstanceOfSatisfying(JournalRejectedException.class, e -> assertThat(e.problem().kind()).isEqualTo(ProblemKind.DUPLICATE_SALE))
                    .hasMessageContaining("bill bill-0001");
        }
    }

    @Test
    void theVerifierReportsAForgedSaleReusingAReceiptNumberOnItsLine() {
        List<String> lines = SampleJournal.write(dir.resolve("sample.jsonl"), keys);
        int qr = (int) SampleJournal.SALE_QR - 1;
        String cardReceipt = (String) Forger.payload(Forger.body(lines.get((int) SampleJournal.SALE_CARD - 1))).get("receiptNo");
        List<String> forged = Forger.editAndResign(lines, qr, body -> Forger.payload(body).put("receiptNo", cardReceipt), keys);
        // the VOID of that sale copies its receipt number: forge it consistently too
        forged = Forger.editAndResign(forged, (int) SampleJournal.VOID_OF_QR - 1,
                body -> Forger.payload(body).put("receiptNo", cardReceipt), keys);

        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(forged);

        assertThat(report.ok()).isFalse();
        JournalProblem p = report.firstProblem().orElseThrow();
        assertThat(p.kind()).isEqualTo(ProblemKind.DUPLICATE_SALE);
        assertThat(p.seq()).isEqualTo(SampleJournal.SALE_QR);
    }

    @Test
    void salesWithoutTheLaterFieldsKeepTheirBytesAndTheNewFieldsAreWrittenOnlyWhenPresent() {
        SalePayload old = SalePayload.builder().receiptNo("R").shiftNo(1).cashier("c").identification(IdentificationMethod.WALK_IN)
                .item(SaleItem.of("M", "午餐", 1, 1200)).amounts(1200, 0, 1200).policy("p", "1").paymentMethod("cash").build();
        assertThat(old.toPayload()).doesNotContainKeys("billId", "quotedAt", "refusal", "paymentRef");

        SalePayload now = walkIn("R", "bill-0001");
        assertThat(now.toPayload()).containsEntry("billId", "bill-0001");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> parsed = (java.util.Map<String, Object>) StrictJsonParser.parse(CanonicalJson.write(now.toPayload()));
        assertThat(SalePayload.read(parsed, "payload").billId()).isEqualTo("bill-0001");
        assertThatThrownBy(() -> walkIn("R", "no")).hasMessageContaining("billId");
    }
}
