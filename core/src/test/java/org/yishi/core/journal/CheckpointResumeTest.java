package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 2, the till's side: a writer opened at a stored checkpoint ({@link JournalResume}) reads only the
 * records after it, and is then in exactly the state — and makes exactly the decisions — of a writer that replayed
 * the whole file; a checkpoint that does not match the file is not used; and a till killed at random points always
 * resumes from whatever checkpoint it stored last.
 */
class CheckpointResumeTest {

    static final String TILL = "CKPT-1";

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();

    @Test
    void aCheckpointSurvivesItsStoredFormWithAndWithoutAnOpenShiftOrOffline() {
        Path journal = dir.resolve("j.log");
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "cashier", 0));
            w.append(SampleJournal.zengchengSale("R-1", 1, "E1", IdentificationMethod.CARD, "0A0B", null, "cash", false));
            w.append(new OfflineStartPayload("timeout"));
            JournalCheckpoint open = w.checkpoint().orElseThrow();
            assertThat(open.openShiftNo()).isEqualTo(OptionalLong.of(1));
            assertThat(open.offlineSinceSeq()).isEqualTo(OptionalLong.of(4));
            assertRoundTrips(open);
            w.append(new OfflineEndPayload(4));
            w.append(w.prepareShiftClose("supervisor", null));
            JournalCheckpoint closed = w.checkpoint().orElseThrow();
            assertThat(closed.openShiftNo()).isEmpty();
            assertThat(closed.shiftTotals()).isEmpty();
            assertRoundTrips(closed);
        }
        assertThatThrownBy(() -> JournalCheckpoint.fromJson("{\"checkpoint\":2}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint");
        assertThatThrownBy(() -> JournalCheckpoint.fromJson("[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
    }

    private static void assertRoundTrips(JournalCheckpoint checkpoint) {
        JournalCheckpoint read = JournalCheckpoint.fromJson(checkpoint.toJson());
        assertThat(read.toJson()).isEqualTo(checkpoint.toJson());
        assertThat(read.keyInForce().getEncoded()).isEqualTo(checkpoint.keyInForce().getEncoded());
        assertThat(read.grandTotals()).isEqualTo(checkpoint.grandTotals());
        assertThat(read.shiftTotals()).isEqualTo(checkpoint.shiftTotals());
        assertThat(read.lastTime()).isEqualTo(checkpoint.lastTime());
    }

    @Test
    void resumedAtAnyRecordTheWriterIsInTheStateAndMakesTheDecisionsOfAFullReplay() throws IOException {
        Path full = dir.resolve("full.log");
        List<String> lines = SampleJournal.write(full, keys);
        for (int k = 1; k <= lines.size(); k++) {
            Path prefix = dir.resolve("prefix-" + k + ".log");
            Files.write(prefix, lines.subList(0, k), StandardCharsets.UTF_8);
            JournalCheckpoint checkpoint;
            long offset;
            try (JournalWriter w = JournalWriter.open(prefix, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
                checkpoint = w.checkpoint().orElseThrow();
                offset = w.offsetOf(k);
            }
            Path replayed = copy(full, "replayed-" + k);
            Path resumed = copy(full, "resumed-" + k);
            try (JournalWriter a = JournalWriter.open(replayed, keys, SampleJournal.TILL, SteppingClock.lunchtime());
                 JournalWriter b = JournalWriter.open(resumed, keys, SampleJournal.TILL, SteppingClock.lunchtime(),
                         StoredCheckpoint.resume(checkpoint, offset, resumed))) {
                assertThat(b.resumed()).as("resumed at %d", k).isTrue();
                assertThat(a.resumed()).isFalse();
                assertSameState(a, b, "resumed at " + k);
                for (long seq = 1; seq <= lines.size(); seq++) {
                    assertThat(b.read(seq).orElseThrow().line()).as("record %d read after resuming at %d", seq, k)
                            .isEqualTo(lines.get((int) seq - 1));
                }
                assertThat(b.reprintCount(SampleJournal.SALE_CARD)).isEqualTo(a.reprintCount(SampleJournal.SALE_CARD)).isEqualTo(1);
                assertSameDecisions(a, b, k);
                assertSameState(a, b, "after the same appends, resumed at " + k);
            }
            assertThat(JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(resumed).ok()).isTrue();
        }
    }

    /** The same records offered to both writers: accepted or refused alike, for the same reason. */
    private static void assertSameDecisions(JournalWriter replayed, JournalWriter resumed, int k) {
        List<Function<JournalWriter, JournalPayload>> offers = List.of(
                w -> new ShiftOpenPayload(3, "cashier-zhao", 0),
                // refund of the walk-in sale of shift 1: allowed
                w -> ReversalPayload.refunding(SampleJournal.SALE_WALK_IN, SampleJournal.walkIn("R-0003", 1), 3,
                        "cashier-zhao", "supervisor-wang", "cold soup"),
                // the card sale was refunded at seq 15: a second refund is refused
                w -> ReversalPayload.refunding(SampleJournal.SALE_CARD, SampleJournal.zengchengSale("R-0001", 1, "E1001",
                        IdentificationMethod.CARD, "7F3A", null, "cash", false), 3, "cashier-zhao", "supervisor-wang", "again"),
                // the QR sale was voided at seq 7
                w -> ReversalPayload.refunding(SampleJournal.SALE_QR, SampleJournal.zengchengSale("R-0002", 1, "E1002",
                        IdentificationMethod.QR, null, null, "wechat", false), 3, "cashier-zhao", "supervisor-wang", "again"),
                // receipt R-0001 was used by seq 4
                w -> SampleJournal.zengchengSale("R-0001", 3, "E9", IdentificationMethod.CARD, "0A0B", null, "cash", false),
                // the card sale was rated at seq 9
                w -> new SatisfactionPayload(SampleJournal.SALE_CARD, 4, null),
                w -> new SatisfactionPayload(SampleJournal.SALE_WALK_IN, 4, null),
                w -> new ReprintPayload(SampleJournal.SALE_CARD, 2, "cashier-zhao", "paper jam"),
                w -> new ReprintPayload(SampleJournal.SALE_CARD, 2, "cashier-zhao", "count must be 3 now"),
                w -> new ReprintPayload(SampleJournal.RATING, 1, "cashier-zhao", "not a receipt"),
                w -> w.prepareShiftClose("supervisor-wang", null));
        ProblemKind bad = ProblemKind.BAD_REFERENCE;
        List<Optional<ProblemKind>> expected = List.of(Optional.empty(), Optional.empty(), Optional.of(bad), Optional.of(bad),
                Optional.of(ProblemKind.DUPLICATE_SALE), Optional.of(bad), Optional.empty(), Optional.empty(), Optional.of(bad),
                Optional.of(bad), Optional.empty());
        for (int i = 0; i < offers.size(); i++) {
            Optional<ProblemKind> a = outcome(replayed, offers.get(i));
            Optional<ProblemKind> b = outcome(resumed, offers.get(i));
            assertThat(a).as("offer %d to the replayed writer", i).isEqualTo(expected.get(i));
            assertThat(b).as("offer %d after resuming at %d", i, k).isEqualTo(a);
        }
    }

    private static Optional<ProblemKind> outcome(JournalWriter w, Function<JournalWriter, JournalPayload> offer) {
        try {
            w.append(offer.apply(w));
            return Optional.empty();
        } catch (JournalRejectedException refused) {
            return Optional.of(refused.problem().kind());
        }
    }

    private static void assertSameState(JournalWriter a, JournalWriter b, String when) {
        assertThat(b.checkpoint().orElseThrow().toJson()).as(when).isEqualTo(a.checkpoint().orElseThrow().toJson());
        assertThat(b.lastSeq()).isEqualTo(a.lastSeq());
        assertThat(b.latestRecordTime()).isEqualTo(a.latestRecordTime());
        assertThat(b.offsetOf(b.lastSeq())).isEqualTo(a.offsetOf(a.lastSeq()));
    }

    @Test
    void aCheckpointThatDoesNotMatchTheFileIsNotUsedAndTheWholeJournalIsReplayed() throws IOException {
        Path journal = dir.resolve("j.log");
        List<String> lines = SampleJournal.write(journal, keys);
        JournalCheckpoint at5;
        long offset5;
        long offset6;
        try (JournalWriter w = JournalWriter.open(prefixOf(lines, 5), keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            at5 = w.checkpoint().orElseThrow();
            offset5 = w.offsetOf(5);
        }
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            offset6 = w.offsetOf(6);
        }
        JournalCheckpoint otherHash = new JournalCheckpoint(at5.tillId(), 5, "ab".repeat(32), at5.keyIdInForce(), at5.keyInForce(),
                at5.keyIds(), at5.lastTime(), at5.latestTime(), at5.openShiftNo(), at5.shiftOpenSeq(), at5.lastShiftNo(),
                at5.shiftTotals(), at5.grandTotals(), at5.offlineSinceSeq());
        for (JournalResume wrong : List.of(
                StoredCheckpoint.resume(otherHash, offset5, journal),
                StoredCheckpoint.resume(at5, offset6, journal),
                StoredCheckpoint.resume(at5, offset5 + 1, journal),
                StoredCheckpoint.resume(at5, Files.size(journal) + 10, journal))) {
            try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime(), wrong)) {
                assertThat(w.resumed()).isFalse();
                assertThat(w.recoveryNotes()).singleElement().asString().contains("checkpoint at seq 5 not used");
                assertThat(w.lastSeq()).isEqualTo(lines.size());
                assertThat(w.read(2).orElseThrow().line()).isEqualTo(lines.get(1));
            }
        }
    }

    @Test
    void anEarlierOffsetThatPointsAtAnotherRecordIsAnErrorNeverTheWrongRecord() throws IOException {
        Path journal = dir.resolve("j.log");
        List<String> lines = SampleJournal.write(journal, keys);
        JournalResume good;
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            good = StoredCheckpoint.resume(w.checkpoint().orElseThrow(), w.offsetOf(lines.size()), journal);
        }
        JournalResume shifted = new JournalResume(good.checkpoint(), good.offset(), good.earlier(),
                seq -> good.offsets().offsetOf(seq + 1));
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime(), shifted)) {
            assertThat(w.resumed()).isTrue();
            assertThatThrownBy(() -> w.read(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("offset index points seq 2..2 at records 3..3");
        }
    }

    @Test
    void aCheckpointAtAKeyRotationResumesUnderTheNewKeyAlthoughTheOldOneSignedThatRecord() {
        Path journal = dir.resolve("j.log");
        TillKeys next = TillKeys.generate();
        JournalResume atRotation;
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "cashier", 0));
            w.rotateKey(next, "scheduled");
            atRotation = StoredCheckpoint.resume(w.checkpoint().orElseThrow(), w.offsetOf(w.lastSeq()), journal);
        }
        try (JournalWriter w = JournalWriter.open(journal, next, SampleJournal.TILL, SteppingClock.lunchtime(), atRotation)) {
            assertThat(w.resumed()).isTrue();
            assertThat(w.keyId()).isEqualTo(next.keyId());
            w.append(SampleJournal.walkIn("R-1", 1));
        }
        try (JournalWriter w = JournalWriter.open(journal, next, SampleJournal.TILL, SteppingClock.lunchtime(), atRotation)) {
            assertThat(w.resumed()).isTrue();
            assertThat(w.lastSeq()).isEqualTo(4);
        }
        assertThat(JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(journal).ok()).isTrue();
    }

    @Test
    void aTornLineAfterTheCheckpointIsCutOffAsInAFullReplay() throws IOException {
        Path journal = dir.resolve("j.log");
        List<String> lines = SampleJournal.write(journal, keys);
        JournalResume at10;
        try (JournalWriter w = JournalWriter.open(prefixOf(lines, 10), keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            at10 = StoredCheckpoint.resume(w.checkpoint().orElseThrow(), w.offsetOf(10), journal);
        }
        Files.writeString(journal, lines.get(5).substring(0, 40), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (JournalWriter w = JournalWriter.open(journal, keys, SampleJournal.TILL, SteppingClock.lunchtime(), at10)) {
            assertThat(w.resumed()).isTrue();
            assertThat(w.lastSeq()).isEqualTo(lines.size());
            assertThat(w.recoveryNotes()).singleElement().asString().contains("line " + (lines.size() + 1)).contains("torn write");
        }
        assertThat(SampleJournal.lines(journal)).isEqualTo(lines);
    }

    @Test
    void killedAtRandomPointsTheTillResumesFromItsLastCheckpointInTheStateOfAFullReplay() throws Exception {
        Path journal = dir.resolve("journal.log");
        Path keyFile = dir.resolve("till.key");
        Path checkpointFile = dir.resolve("checkpoint");
        TillKeys tillKeys = TillKeys.loadOrCreate(keyFile);
        SplittableRandom random = new SplittableRandom(20261203);
        long acknowledged = 0;
        int resumes = 0;
        for (int round = 0; round < 6; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CheckpointingAppender.class.getName(),
                    journal.toString(), keyFile.toString(), checkpointFile.toString(), Long.toString(random.nextLong()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int killAfter = 20 + random.nextInt(200);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int seen = 0; seen < killAfter; seen++) {
                    String line = out.readLine();
                    assertThat(line).as("child stopped early (exit %s)", child.isAlive() ? "-" : child.exitValue()).isNotNull();
                    acknowledged = Long.parseLong(line);
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Optional<JournalResume> stored = StoredCheckpoint.resume(checkpointFile, journal);
            Path copy = copy(journal, "round-" + round);
            try (JournalWriter replayed = JournalWriter.open(copy, tillKeys, TILL, SteppingClock.lunchtime());
                 JournalWriter resumed = stored.map(r -> JournalWriter.open(journal, tillKeys, TILL, SteppingClock.lunchtime(), r))
                         .orElseGet(() -> JournalWriter.open(journal, tillKeys, TILL, SteppingClock.lunchtime()))) {
                assertThat(resumed.lastSeq()).as("round %d: every acknowledged record is there", round).isGreaterThanOrEqualTo(acknowledged);
                assertThat(resumed.resumed()).as("round %d resumed from its checkpoint", round).isEqualTo(stored.isPresent());
                assertSameState(replayed, resumed, "round " + round);
                resumes += stored.isPresent() ? 1 : 0;
            }
        }
        assertThat(resumes).as("rounds that resumed from a checkpoint").isGreaterThanOrEqualTo(5);
        VerificationReport report = JournalVerifier.builder().trustKey(tillKeys.publicKey()).build().verify(journal);
        assertThat(report.ok()).as(report.summary()).isTrue();
    }

    private Path prefixOf(List<String> lines, int k) throws IOException {
        Path prefix = dir.resolve("prefix-" + k + "-" + System.nanoTime() + ".log");
        Files.write(prefix, lines.subList(0, k), StandardCharsets.UTF_8);
        return prefix;
    }

    private Path copy(Path journal, String name) throws IOException {
        Path copy = dir.resolve(name + ".log");
        Files.copy(journal, copy);
        return copy;
    }
}
