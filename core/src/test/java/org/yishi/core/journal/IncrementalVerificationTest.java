package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;

/**
 * Issue 10 item 2: a run of records verified from the checkpoint after the record before it agrees with the whole
 * journal verified from seq 1 — on every prefix split, for honest journals and for tampered ones.
 */
class IncrementalVerificationTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();

    private JournalVerifier whole() {
        return JournalVerifier.builder().trustKey(keys.publicKey()).build();
    }

    private static JournalVerifier resumed(JournalCheckpoint from, List<String> before) {
        return JournalVerifier.builder().resumeFrom(from, EarlierRecords.of(before.stream().map(JournalReader::parseLine).toList())).build();
    }

    /**
     * The checkpoint after each of the first {@code upTo} lines, each made by resuming from the one before and
     * verifying one more record: chains of one-record runs, as a server verifying record by record would make.
     */
    private List<JournalCheckpoint> checkpoints(List<String> lines, int upTo) {
        List<JournalCheckpoint> out = new ArrayList<>();
        VerificationReport first = whole().verify(lines.subList(0, 1));
        out.add(first.checkpoint().orElseThrow());
        for (int k = 1; k < upTo; k++) {
            VerificationReport next = resumed(out.get(k - 1), lines.subList(0, k)).verify(lines.subList(k, k + 1));
            assertThat(next.ok()).as("record %d alone, resumed", k + 1).isTrue();
            out.add(next.checkpoint().orElseThrow());
        }
        return out;
    }

    /** Lines[k..) verified from the checkpoint after lines[0..k). */
    private VerificationReport rest(List<String> lines, List<JournalCheckpoint> checkpoints, int k) {
        return resumed(checkpoints.get(k - 1), lines.subList(0, k)).verify(lines.subList(k, lines.size()));
    }

    private static void assertAgree(VerificationReport resumed, VerificationReport whole, int k) {
        assertThat(resumed.ok()).as("ok, split at %d", k).isEqualTo(whole.ok());
        assertThat(resumed.firstProblem().map(JournalProblem::kind)).as("problem kind, split at %d", k)
                .isEqualTo(whole.firstProblem().map(JournalProblem::kind));
        assertThat(resumed.firstProblem().map(JournalProblem::seq)).as("problem seq, split at %d", k)
                .isEqualTo(whole.firstProblem().map(JournalProblem::seq));
        assertThat(resumed.lastSeq()).isEqualTo(whole.lastSeq());
        assertThat(resumed.lastHash()).isEqualTo(whole.lastHash());
        assertThat(resumed.grandTotals()).as("totals, split at %d", k).isEqualTo(whole.grandTotals());
        assertThat(resumed.keyIds()).isEqualTo(whole.keyIds());
        assertThat(resumed.checkpoint()).isEqualTo(whole.checkpoint());
    }

    @Test
    void theSampleJournalAgreesOnEverySplit() {
        List<String> lines = SampleJournal.write(dir.resolve("sample.jsonl"), keys);
        VerificationReport all = whole().verify(lines);
        assertThat(all.ok()).isTrue();
        List<JournalCheckpoint> checkpoints = checkpoints(lines, lines.size());
        assertThat(checkpoints.get(lines.size() - 1)).isEqualTo(all.checkpoint().orElseThrow());

        for (int k = 1; k < lines.size(); k++) {
            VerificationReport resumed = rest(lines, checkpoints, k);
            assertAgree(resumed, all, k);
            assertThat(resumed.recordsVerified()).isEqualTo(lines.size() - k);
            assertThat(resumed.trust()).isEqualTo(TrustMode.CHECKPOINT);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void generatedJournalsAgreeOnEverySplit(long seed) {
        List<String> lines = RandomJournal.write(dir.resolve("j" + seed + ".jsonl"), keys, seed, 90);
        VerificationReport all = whole().verify(lines);
        assertThat(all.ok()).as(all.summary()).isTrue();
        List<JournalCheckpoint> checkpoints = checkpoints(lines, lines.size());
        assertThat(checkpoints.get(lines.size() - 1)).isEqualTo(all.checkpoint().orElseThrow());

        for (int k = 1; k < lines.size(); k++) {
            assertAgree(rest(lines, checkpoints, k), all, k);
        }
    }

    /** Each tampering is caught by the resumed verifier as by the whole one, wherever the split before it falls. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flip", "refund-twice", "rate-twice", "reprint-count", "reused-receipt", "drop", "totals"})
    void tamperingIsCaughtTheSameWay(String how) {
        List<String> lines = SampleJournal.write(dir.resolve("sample.jsonl"), keys);
        List<String> t = tamper(lines, how);
        VerificationReport all = whole().verify(t);
        assertThat(all.ok()).as(how).isFalse();
        int lastGoodLine = (int) all.firstProblem().orElseThrow().lineNumber() - 1;
        List<JournalCheckpoint> checkpoints = checkpoints(t, lastGoodLine);

        for (int k = 1; k <= lastGoodLine; k++) {
            assertAgree(rest(t, checkpoints, k), all, k);
        }
    }

    private List<String> tamper(List<String> lines, String how) {
        List<String> t = new ArrayList<>(lines);
        switch (how) {
            case "flip" -> t.set(15, t.get(15).replace("\"priceFen\":1200", "\"priceFen\":1201"));
            case "refund-twice" -> {
                // a second REFUND of the card sale (refunded at 15) appended after it, properly chained and signed
                String refund = t.get((int) SampleJournal.REFUND_OF_CARD - 1);
                t = Forger.editAndResign(insertCopy(t, (int) SampleJournal.REFUND_OF_CARD, refund), (int) SampleJournal.REFUND_OF_CARD,
                        body -> { }, keys);
            }
            case "rate-twice" -> t = Forger.editAndResign(insertCopy(t, (int) SampleJournal.RATING, t.get((int) SampleJournal.RATING - 1)),
                    (int) SampleJournal.RATING, body -> { }, keys);
            case "reprint-count" -> t = Forger.editAndResign(t, (int) SampleJournal.REPRINT - 1,
                    body -> Forger.payload(body).put("reprintCount", 2L), keys);
            case "reused-receipt" -> t = Forger.editAndResign(t, (int) SampleJournal.SALE_SHIFT2 - 1,
                    body -> Forger.payload(body).put("receiptNo", "R-0001"), keys);
            case "drop" -> t.remove(9);
            case "totals" -> t = Forger.editAndResign(t, (int) SampleJournal.SHIFT2_CLOSE - 1,
                    body -> ((java.util.Map<String, Object>) Forger.payload(body).get("grand")).put("sales", 99L), keys);
            default -> throw new IllegalArgumentException(how);
        }
        return t;
    }

    private static List<String> insertCopy(List<String> lines, int at, String line) {
        List<String> t = new ArrayList<>(lines);
        t.add(at, line);
        return t;
    }

    @Test
    void aRunThatDoesNotFollowTheCheckpointIsASequenceGapOrABrokenChain() {
        List<String> lines = SampleJournal.write(dir.resolve("sample.jsonl"), keys);
        VerificationReport first = whole().verify(lines.subList(0, 5));
        List<SignedRecord> before = lines.subList(0, 5).stream().map(JournalReader::parseLine).toList();
        JournalVerifier resumed = JournalVerifier.builder().resumeFrom(first.checkpoint().orElseThrow(), EarlierRecords.of(before)).build();

        assertThat(resumed.verify(lines.subList(6, lines.size())).firstProblem().orElseThrow().kind()).isEqualTo(ProblemKind.SEQUENCE_GAP);
        assertThat(resumed.verify(lines.subList(5, lines.size())).ok()).isTrue();
    }

    /** Random honest journals written through the writer: shifts, sales, voids, refunds across shifts, reprints, ratings, offline. */
    static final class RandomJournal {
        private RandomJournal() {
        }

        static List<String> write(Path file, TillKeys keys, long seed, int records) {
            SplittableRandom random = new SplittableRandom(seed);
            try (JournalWriter w = JournalWriter.open(file, keys, "T-RND", SteppingClock.lunchtime())) {
                long shift = 0;
                List<Long> unreversed = new ArrayList<>();
                List<Long> thisShift = new ArrayList<>();
                List<Long> unrated = new ArrayList<>();
                List<Long> sold = new ArrayList<>();
                java.util.Map<Long, SalePayload> payloads = new java.util.HashMap<>();
                Long offline = null;
                int receipt = 0;
                while (w.lastSeq() < records) {
                    if (w.openShiftNo().isEmpty()) {
                        w.append(new ShiftOpenPayload(++shift, "c", 10_000));
                        thisShift.clear();
                        continue;
                    }
                    int roll = random.nextInt(100);
                    if (roll < 50) {
                        long price = 500 + random.nextInt(10) * 100;
                        long subsidy = random.nextBoolean() ? Math.min(price, 300 + random.nextInt(5) * 100) : 0;
                        SalePayload.Builder b = SalePayload.builder().receiptNo("R-" + (++receipt)).billId("bill-" + seed + "-" + receipt)
                                .shiftNo(shift).cashier("c").channel(Channel.DINE_IN).mealSlot("lunch")
                                .item(SaleItem.of("M", "午餐", 1, price)).amounts(price, subsidy, price - subsidy)
                                .policy("p", "1").paymentMethod(random.nextBoolean() ? "cash" : "wechat").offline(offline != null);
                        if (subsidy > 0) {
                            b.elderId("E" + random.nextInt(50)).identification(IdentificationMethod.CARD).cardUidLast4("00A1")
                                    .funderShares(List.of(new FunderShare("city", subsidy))).ruleIds(List.of("r1"));
                        } else {
                            b.identification(IdentificationMethod.WALK_IN);
                        }
                        SalePayload sale = b.build();
                        long seq = w.append(sale).seq();
                        payloads.put(seq, sale);
                        unreversed.add(seq);
                        thisShift.add(seq);
                        unrated.add(seq);
                        sold.add(seq);
                    } else if (roll < 57 && !thisShift.isEmpty()) {
                        Long seq = thisShift.remove(random.nextInt(thisShift.size()));
                        if (unreversed.remove(seq)) {
                            w.append(ReversalPayload.voiding(seq, payloads.get(seq), shift, "c", "s", "wrong dish"));
                        }
                    } else if (roll < 62 && !unreversed.isEmpty()) {
                        Long seq = unreversed.remove(random.nextInt(unreversed.size()));
                        thisShift.remove(seq);
                        w.append(ReversalPayload.refunding(seq, payloads.get(seq), shift, "c", "s", "ill"));
                    } else if (roll < 70 && !sold.isEmpty()) {
                        long seq = sold.get(random.nextInt(sold.size()));
                        w.append(new ReprintPayload(seq, w.reprintCount(seq) + 1, "c", "jam"));
                    } else if (roll < 78 && !unrated.isEmpty()) {
                        Long seq = unrated.remove(random.nextInt(unrated.size()));
                        w.append(new SatisfactionPayload(seq, 1 + random.nextInt(5), null));
                    } else if (roll < 82) {
                        if (offline == null) {
                            offline = w.append(new OfflineStartPayload("timeout")).seq();
                        } else {
                            w.append(new OfflineEndPayload(offline));
                            offline = null;
                        }
                    } else if (roll < 88 && offline == null) {
                        w.append(w.prepareShiftClose("c", null));
                    }
                }
            }
            return SampleJournal.lines(file);
        }
    }

    @Test
    void theRandomJournalsAreVaried() {
        List<String> lines = RandomJournal.write(dir.resolve("v.jsonl"), keys, 3, 300);
        VerificationReport r = whole().verify(lines);
        assertThat(r.countsByType()).containsKeys(RecordType.SALE, RecordType.VOID, RecordType.REFUND, RecordType.REPRINT,
                RecordType.SATISFACTION, RecordType.SHIFT_CLOSE, RecordType.OFFLINE_START, RecordType.OFFLINE_END);
        assertThat(LongStream.of(r.countsByType().get(RecordType.SHIFT_OPEN))).allMatch(n -> n >= 3);
    }
}
