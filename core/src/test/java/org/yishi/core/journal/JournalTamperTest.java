package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of tampering with a journal must be caught, naming the record that was tampered with. */
class JournalTamperTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();
    private List<String> lines;
    private Path file;

    @BeforeEach
    void writeJournal() {
        file = dir.resolve("journal.log");
        lines = SampleJournal.write(file, keys);
    }

    private JournalVerifier pinned() {
        return JournalVerifier.builder().trustKey(keys.publicKey()).expectTill(SampleJournal.TILL).build();
    }

    private static JournalProblem problemOf(VerificationReport report) {
        assertThat(report.ok()).as("verification should fail").isFalse();
        return report.firstProblem().orElseThrow();
    }

    @Test
    void untouchedJournalVerifies() {
        VerificationReport report = pinned().verify(file);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.trust()).isEqualTo(TrustMode.PINNED_KEYS);
        assertThat(report.recordsVerified()).isEqualTo(SampleJournal.RECORDS);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.countsByType()).containsEntry(RecordType.SALE, 5L).containsEntry(RecordType.SHIFT_CLOSE, 2L);
        assertThat(report.lastHash()).isEqualTo(JournalReader.parseLine(lines.get(lines.size() - 1)).hash());
        assertThat(pinned().verify(lines)).isEqualTo(report);
    }

    @Test
    void flippedByteInABodyIsABadSignatureOnThatRecord() {
        List<String> t = new ArrayList<>(lines);
        int i = (int) SampleJournal.SALE_CARD - 1;
        t.set(i, t.get(i).replace("\"subsidyFen\":1100", "\"subsidyFen\":1101"));
        assertThat(t.get(i)).isNotEqualTo(lines.get(i));
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_SIGNATURE);
        assertThat(p.seq()).isEqualTo(SampleJournal.SALE_CARD);
        assertThat(p.lineNumber()).isEqualTo(SampleJournal.SALE_CARD);
    }

    @Test
    void flippedByteInASignatureIsCaught() {
        List<String> t = new ArrayList<>(lines);
        String line = t.get(9);
        char c = line.charAt(10);
        t.set(9, line.substring(0, 10) + (c == 'A' ? 'B' : 'A') + line.substring(11));
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_SIGNATURE);
        assertThat(p.lineNumber()).isEqualTo(10);
        assertThat(p.seq()).isEqualTo(10);
    }

    @Test
    void anySingleByteFlipAnywhereInTheFileIsCaughtOnItsLine() throws IOException {
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(42);
        Path tampered = dir.resolve("tampered.log");
        for (int trial = 0; trial < 250; trial++) {
            int at = random.nextInt(original.length);
            byte[] bytes = original.clone();
            bytes[at] ^= (byte) (1 + random.nextInt(255));
            Files.write(tampered, bytes);
            long expectedLine = 1;
            for (int k = 0; k < at; k++) {
                if (original[k] == '\n') {
                    expectedLine++;
                }
            }
            VerificationReport report = pinned().verify(tampered);
            assertThat(report.ok()).as("flip at byte %d", at).isFalse();
            assertThat(report.firstProblem().orElseThrow().lineNumber()).as("flip at byte %d: %s", at, report.firstProblem())
                    .isEqualTo(expectedLine);
        }
    }

    @Test
    void deletedRecordInTheMiddleIsASequenceGapAtTheNextRecord() {
        List<String> t = new ArrayList<>(lines);
        t.remove((int) SampleJournal.VOID_OF_QR - 1);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.SEQUENCE_GAP);
        assertThat(p.seq()).isEqualTo(SampleJournal.VOID_OF_QR + 1);
        assertThat(p.lineNumber()).isEqualTo(SampleJournal.VOID_OF_QR);
        assertThat(p.message()).contains("record " + SampleJournal.VOID_OF_QR + " missing");
    }

    @Test
    void deletedTailIsInvisibleWithoutAnAnchorAndCaughtWithOne() {
        List<String> t = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertThat(pinned().verify(t).ok())
                .as("a shorter journal is a valid journal: only an external anchor can tell")
                .isTrue();
        String lastHash = JournalReader.parseLine(lines.get(lines.size() - 1)).hash();
        JournalVerifier anchored = JournalVerifier.builder().trustKey(keys.publicKey())
                .expectAnchor(SampleJournal.RECORDS, lastHash).build();
        JournalProblem p = problemOf(anchored.verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_RECORDS);
        assertThat(p.message()).contains("ends at seq " + (SampleJournal.RECORDS - 1)).contains("seq " + SampleJournal.RECORDS);
        assertThat(anchored.verify(lines).ok()).isTrue();
    }

    @Test
    void anchorCatchesAJournalRewrittenWithTheRightKey() {
        // An insider with the till key rewrites the shift-1 Z-report (toSeq 12) after reporting it to the server.
        String reportedHash = JournalReader.parseLine(lines.get((int) SampleJournal.SHIFT1_CLOSE - 1)).hash();
        List<String> t = Forger.editAndResign(lines, (int) SampleJournal.SHIFT1_CLOSE - 1,
                body -> Forger.payload(body).put("countedCashFen", 1L), keys);
        assertThat(pinned().verify(t).ok()).isTrue();
        JournalProblem p = problemOf(JournalVerifier.builder().trustKey(keys.publicKey())
                .expectAnchor(SampleJournal.SHIFT1_CLOSE, reportedHash).build().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.ANCHOR_MISMATCH);
        assertThat(p.seq()).isEqualTo(SampleJournal.SHIFT1_CLOSE);
    }

    @Test
    void reorderedRecordsAreCaughtAtTheFirstMovedOne() {
        List<String> t = new ArrayList<>(lines);
        Collections.swap(t, 7, 8);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.SEQUENCE_GAP);
        assertThat(p.lineNumber()).isEqualTo(8);
        assertThat(p.seq()).isEqualTo(9);
    }

    @Test
    void insertedForgedRecordIsCaught() {
        // A forged sale inserted after seq 5, carrying the right seq and prev, but not signed by the till key.
        Map<String, Object> body = Forger.body(lines.get(4));
        body.put("seq", 6L);
        body.put("prev", JournalReader.parseLine(lines.get(4)).hash());
        Forger.payload(body).put("receiptNo", "R-FORGED");
        Forger.payload(body).put("elderId", "E9999");
        List<String> t = new ArrayList<>(lines);
        t.add(5, Forger.sign(body, TillKeys.generate()));
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_SIGNATURE);
        assertThat(p.lineNumber()).isEqualTo(6);

        // Same insertion with a fresh key announced in the body's keyId: an unknown key.
        List<String> t2 = new ArrayList<>(lines);
        TillKeys intruder = TillKeys.generate();
        body.put("keyId", intruder.keyId());
        t2.add(5, Forger.sign(body, intruder));
        JournalProblem p2 = problemOf(pinned().verify(t2));
        assertThat(p2.kind()).isEqualTo(ProblemKind.UNKNOWN_KEY);
        assertThat(p2.lineNumber()).isEqualTo(6);
    }

    @Test
    void insertedRecordWithStaleSeqIsCaught() {
        List<String> t = new ArrayList<>(lines);
        t.add(5, lines.get(4)); // a replayed copy of record 5
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.SEQUENCE_GAP);
        assertThat(p.lineNumber()).isEqualTo(6);
        assertThat(p.message()).contains("repeats");
    }

    @Test
    void wholeChainResignedWithAnotherKeyIsCaughtWhenTheKeyIsPinned() {
        TillKeys attacker = TillKeys.generate();
        List<String> t = Forger.resignAll(lines, attacker);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.UNKNOWN_KEY);
        assertThat(p.lineNumber()).isEqualTo(1);
        assertThat(p.message()).contains(attacker.keyId()).contains(keys.keyId());

        // Trust on first use accepts it: it is a consistent journal, of another key. The report says so.
        VerificationReport tofu = JournalVerifier.trustOnFirstUse().verify(t);
        assertThat(tofu.ok()).isTrue();
        assertThat(tofu.trust()).isEqualTo(TrustMode.TRUST_ON_FIRST_USE);
        assertThat(tofu.keyIds()).containsExactly(attacker.keyId());
    }

    @Test
    void saleAmountAlteredAndResignedWithTheRightKeyIsCaughtByTheShiftCloseTotals() {
        int sale = (int) SampleJournal.SALE_MANUAL_OFFLINE - 1;
        // A consistent sale for ¥13 with ¥12 subsidy: the record itself is valid, only the Z-report disagrees.
        List<String> t = Forger.editAndResign(lines, sale, body -> {
            Map<String, Object> p = Forger.payload(body);
            p.put("priceFen", 1300L);
            p.put("subsidyFen", 1200L);
            p.put("items", List.of(Map.of("itemId", "M-LUNCH-A", "name", "午餐A套餐", "quantity", 1L,
                    "unitPriceFen", 1300L, "lineTotalFen", 1300L)));
            p.put("funderShares", List.of(Map.of("funder", "city", "fen", 400L), Map.of("funder", "district", "fen", 300L),
                    Map.of("funder", "town", "fen", 500L)));
        }, keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.TOTALS_MISMATCH);
        assertThat(p.seq()).isEqualTo(SampleJournal.SHIFT1_CLOSE);
        assertThat(p.message()).contains("shift.priceFen: recorded 3000, recomputed 3100");
    }

    @Test
    void nonCanonicalWhitespaceIsCaughtEvenWhenProperlySigned() {
        int i = 3;
        String line = lines.get(i);
        String body = line.substring(line.indexOf(' ') + 1).replaceFirst(",", ", ");
        byte[] sig = keys.sign(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> t = new ArrayList<>(lines);
        t.set(i, java.util.Base64.getEncoder().encodeToString(sig) + " " + body);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.NOT_CANONICAL);
        assertThat(p.lineNumber()).isEqualTo(4);
    }

    @Test
    void voidOfANonExistentSaleIsABadReference() {
        int v = (int) SampleJournal.VOID_OF_QR - 1;
        List<String> t = Forger.editAndResign(lines, v, body -> Forger.payload(body).put("originalSeq", 3L), keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_REFERENCE);
        assertThat(p.seq()).isEqualTo(SampleJournal.VOID_OF_QR);
        assertThat(p.message()).contains("VOID of seq 3, which is a SHIFT_OPEN");

        List<String> t2 = Forger.editAndResign(lines, v, body -> Forger.payload(body).put("originalSeq", 500L), keys);
        assertThat(problemOf(pinned().verify(t2)).message()).contains("not an earlier record");
    }

    @Test
    void voidWhoseCopiedAmountsDifferFromTheSaleIsABadReference() {
        int v = (int) SampleJournal.VOID_OF_QR - 1;
        List<String> t = Forger.editAndResign(lines, v, body -> Forger.payload(body).put("paymentMethod", "cash"), keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_REFERENCE);
        assertThat(p.message()).contains("paymentMethod: wechat vs cash");
    }

    @Test
    void secondRefundOfTheSameSaleIsABadReference() {
        // Turn the shift-2 sale into a second refund of sale 4 (already refunded at 15).
        Map<String, Object> refund = Forger.body(lines.get((int) SampleJournal.REFUND_OF_CARD - 1));
        List<String> t = Forger.editAndResign(lines, (int) SampleJournal.SALE_SHIFT2 - 1, body -> {
            body.put("type", "REFUND");
            body.put("payload", refund.get("payload"));
        }, keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_REFERENCE);
        assertThat(p.seq()).isEqualTo(SampleJournal.SALE_SHIFT2);
        assertThat(p.message()).contains("already reversed by the REFUND at seq " + SampleJournal.REFUND_OF_CARD);
    }

    @Test
    void refundOfAVoidedSaleIsABadReference() {
        Map<String, Object> refund = Forger.body(lines.get((int) SampleJournal.REFUND_OF_CARD - 1));
        Map<String, Object> voidBody = Forger.body(lines.get((int) SampleJournal.VOID_OF_QR - 1));
        List<String> t = Forger.editAndResign(lines, (int) SampleJournal.REFUND_OF_CARD - 1, body -> {
            Map<String, Object> p = Forger.payload(voidBody);
            p.put("shiftNo", 2L);
            body.put("payload", p);
        }, keys);
        assertThat(refund).isNotNull();
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_REFERENCE);
        assertThat(p.message()).contains("already reversed by the VOID at seq " + SampleJournal.VOID_OF_QR);
    }

    @Test
    void recordOfAnotherTillIsCaught() {
        List<String> t = Forger.editAndResign(lines, 6, body -> body.put("tillId", "GZ-ZC-002"), keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.WRONG_TILL);
        assertThat(p.seq()).isEqualTo(7);
    }

    @Test
    void keyInBodyThatIsNotTheKeyInForceIsAnUnknownKey() {
        TillKeys other = TillKeys.generate();
        List<String> t = Forger.editAndResign(lines, 9, body -> { }, other);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.UNKNOWN_KEY);
        assertThat(p.seq()).isEqualTo(10);
    }

    @Test
    void editedPrevWithoutResigningIsCaught() {
        // Re-chaining every later record by hand without the key leaves the signatures broken.
        List<String> t = new ArrayList<>(lines);
        Map<String, Object> body = Forger.body(lines.get(12));
        body.put("prev", "f".repeat(64));
        t.set(12, Forger.sign(body, keys));
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.BAD_HASH_CHAIN);
        assertThat(p.seq()).isEqualTo(13);
    }

    @Test
    void tornLastLineIsReportedByTheVerifier() throws IOException {
        Files.writeString(file, lines.get(3).substring(0, 50), java.nio.file.StandardOpenOption.APPEND);
        JournalProblem p = problemOf(pinned().verify(file));
        assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED);
        assertThat(p.lineNumber()).isEqualTo(SampleJournal.RECORDS + 1);
        assertThat(p.message()).contains("torn write");
    }

    @Test
    void emptyJournalIsNotValid() {
        JournalProblem p = problemOf(pinned().verify(List.of()));
        assertThat(p.kind()).isEqualTo(ProblemKind.MISSING_RECORDS);
    }

    @Test
    void saleOutsideAShiftIsOutOfOrder() {
        // Drop SHIFT_OPEN 2 from the sequence by rewriting it as a POLICY_UPDATE: the REFUND after it is outside a shift.
        List<String> t = Forger.editAndResign(lines, 13, body -> {
            body.put("type", "POLICY_UPDATE");
            body.put("payload", Map.of("policyId", "p", "policyVersion", "2", "contentSha256", "cd".repeat(32)));
        }, keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.OUT_OF_ORDER_EVENT);
        assertThat(p.seq()).isEqualTo(SampleJournal.REFUND_OF_CARD);
    }

    @Test
    void inconsistentSalePayloadIsInvalid() {
        List<String> t = Forger.editAndResign(lines, 3, body -> Forger.payload(body).put("copayFen", 0L), keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_PAYLOAD);
        assertThat(p.message()).contains("copayFen 0 is not priceFen 1200 − subsidyFen 1100");
    }

    @Test
    void hugeLineIsMalformedWithoutReadingItIntoMemory() throws IOException {
        Path huge = dir.resolve("huge.log");
        Files.write(huge, (String.join("\n", lines.subList(0, 3)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(huge, new byte[3 * JournalLineReader.MAX_LINE_BYTES], java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(huge, "\n" + lines.get(3) + "\n", java.nio.file.StandardOpenOption.APPEND);
        JournalProblem p = problemOf(pinned().verify(huge));
        assertThat(p.kind()).isEqualTo(ProblemKind.MALFORMED);
        assertThat(p.lineNumber()).isEqualTo(4);
        assertThat(p.message()).contains("longer than");
    }

    @Test
    void absurdAmountsAreInvalidRatherThanOverflowingTheTotals() {
        List<String> t = Forger.editAndResign(lines, 5, body -> {
            Map<String, Object> p = Forger.payload(body);
            p.put("priceFen", 9_000_000_000_000_000L);
            p.put("copayFen", 9_000_000_000_000_000L);
            p.put("items", List.of(Map.of("itemId", "X", "name", "x", "quantity", 1L,
                    "unitPriceFen", 9_000_000_000_000_000L, "lineTotalFen", 9_000_000_000_000_000L)));
        }, keys);
        JournalProblem p = problemOf(pinned().verify(t));
        assertThat(p.kind()).isEqualTo(ProblemKind.INVALID_PAYLOAD);
        assertThat(p.message()).contains("exceeds the limit");
    }
}
