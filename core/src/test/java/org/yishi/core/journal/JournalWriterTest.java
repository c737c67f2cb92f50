package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

    @TempDir
    Path dir;

    private final TillKeys keys = TillKeys.generate();

    @Test
    void newJournalStartsWithTillStartAnnouncingTheKey() {
        Path file = dir.resolve("journal.log");
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(1);
        }
        List<SignedRecord> records = JournalReader.readAll(file);
        assertThat(records).hasSize(1);
        SignedRecord start = records.get(0);
        assertThat(start.type()).isEqualTo(RecordType.TILL_START);
        assertThat(start.prevHash()).isEqualTo(JournalFormat.GENESIS_PREV);
        assertThat(start.keyId()).isEqualTo(keys.keyId());
        assertThat(((TillStartPayload) start.typedPayload()).key()).isEqualTo(keys.publicKey());
        assertThat(start.time().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(JournalFormat.formatTime(start.time())).isEqualTo("2025-03-03T11:30:00.000+08:00");
    }

    @Test
    void appendChainsSeqAndHashAndReturnsTheStoredLine() throws IOException {
        Path file = dir.resolve("journal.log");
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            String startHash = w.lastHash();
            SignedRecord open = w.append(new ShiftOpenPayload(1, "cashier-li", 20000));
            assertThat(open.seq()).isEqualTo(2);
            assertThat(open.prevHash()).isEqualTo(startHash);
            assertThat(open.hash()).isEqualTo(JournalFormat.bodyHash(open.body())).isEqualTo(w.lastHash());
            assertThat(open.payload()).containsEntry("openingFloatFen", 20000L);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith(open.line() + "\n");
        }
    }

    @Test
    void reopeningContinuesTheChain() {
        Path file = dir.resolve("journal.log");
        String hashBefore;
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "cashier-li", 0));
            hashBefore = w.lastHash();
        }
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(2);
            assertThat(w.lastHash()).isEqualTo(hashBefore);
            assertThat(w.openShiftNo()).hasValue(1);
            assertThat(w.recoveryNotes()).isEmpty();
            SignedRecord sale = w.append(SampleJournal.walkIn("R-1", 1));
            assertThat(sale.seq()).isEqualTo(3);
            assertThat(sale.prevHash()).isEqualTo(hashBefore);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(file).ok()).isTrue();
    }

    @Test
    void tornLastLineIsCutOffSavedAndReported() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        String full = Files.readString(file, StandardCharsets.UTF_8);
        // A crash in the middle of writing the next record: half a line, no newline.
        String half = lines.get(5).substring(0, 140);
        Files.writeString(file, half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(SampleJournal.RECORDS);
            assertThat(w.recoveryNotes()).singleElement().asString()
                    .contains("line " + (SampleJournal.RECORDS + 1)).contains("torn write").contains("140 bytes");
            SignedRecord next = w.append(new ShiftOpenPayload(3, "cashier-li", 0));
            assertThat(next.seq()).isEqualTo(SampleJournal.RECORDS + 1);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith(full);
        try (var saved = Files.list(dir)) {
            Path tornFile = saved.filter(p -> p.getFileName().toString().startsWith("journal.log.torn-")).findFirst().orElseThrow();
            assertThat(Files.readString(tornFile, StandardCharsets.UTF_8)).isEqualTo(half);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(file).ok()).isTrue();
    }

    @Test
    void theTornBytesAreSavedDurablyBeforeTheJournalIsCut() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        Files.writeString(file, lines.get(5).substring(0, 140), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RecordingFileChannels channels = new RecordingFileChannels();

        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime(), channels)) {
            assertThat(w.recoveryNotes()).hasSize(1);
        }
        Path copy = tornCopy();
        List<RecordingFileChannels.Op> ops = channels.ops();
        int truncated = channels.indexOf("truncate", file);
        int copyForced = channels.indexOf("force", copy);
        assertThat(truncated).as("the journal is cut: %s", ops).isNotNegative();
        assertThat(copyForced).as("the copy is fsynced before the journal is cut: %s", ops).isBetween(0, truncated);
        assertThat(channels.lastIndexOf("write", copy)).as("all of the copy is written before its fsync: %s", ops)
                .isBetween(0, copyForced);
        assertThat(ops.subList(copyForced, truncated)).as("the copy's directory entry is fsynced before the journal is cut")
                .contains(new RecordingFileChannels.Op("force", dir.toAbsolutePath()));
        assertThat(channels.lastIndexOf("force", file)).as("the cut journal is fsynced: %s", ops).isGreaterThan(truncated);
    }

    @Test
    void whenTheTornBytesCannotBeSavedDurablyTheJournalIsNotCut() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        Files.writeString(file, lines.get(5).substring(0, 140), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(file);
        RecordingFileChannels failingDirectory = new RecordingFileChannels().failForceOf(dir);

        assertThatThrownBy(() -> JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime(), failingDirectory))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("fsync of " + dir.toAbsolutePath());
        assertThat(failingDirectory.indexOf("truncate", file)).isNegative();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // Once the disk behaves, a later open recovers as usual; the failed attempt's copy is kept, never overwritten.
        SteppingClock later = new SteppingClock(java.time.Instant.parse("2025-03-03T04:00:00Z"), Duration.ofSeconds(7));
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, later)) {
            assertThat(w.lastSeq()).isEqualTo(SampleJournal.RECORDS);
        }
        try (var saved = Files.list(dir)) {
            assertThat(saved.filter(p -> p.getFileName().toString().startsWith("journal.log.torn-"))).hasSize(2);
        }
    }

    @Test
    void aNewJournalWhoseDirectoryCannotBeFsyncedDoesNotOpen() {
        Path file = dir.resolve("journal.log");
        RecordingFileChannels failingDirectory = new RecordingFileChannels().failForceOf(dir);
        assertThatThrownBy(() -> JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime(), failingDirectory))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("cannot open journal");
    }

    private Path tornCopy() throws IOException {
        try (var saved = Files.list(dir)) {
            return saved.filter(p -> p.getFileName().toString().startsWith("journal.log.torn-")).findFirst().orElseThrow()
                    .toAbsolutePath();
        }
    }

    @Test
    void zeroFilledTailAfterPowerLossIsRecovered() throws IOException {
        Path file = dir.resolve("journal.log");
        SampleJournal.write(file, keys);
        long size = Files.size(file);
        Files.write(file, new byte[4096], StandardOpenOption.APPEND);
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            assertThat(w.recoveryNotes()).hasSize(1);
            assertThat(w.lastSeq()).isEqualTo(SampleJournal.RECORDS);
        }
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void completeButUnreadableLastLineIsTreatedAsTorn() throws IOException {
        Path file = dir.resolve("journal.log");
        SampleJournal.write(file, keys);
        Files.writeString(file, "garbage that is not a record\n", StandardOpenOption.APPEND);
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            assertThat(w.recoveryNotes()).singleElement().asString().contains("line " + (SampleJournal.RECORDS + 1));
        }
    }

    @Test
    void corruptionBeforeTheLastLineRefusesToOpenAndChangesNothing() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        List<String> damaged = new ArrayList<>(lines);
        damaged.set(9, damaged.get(9).substring(0, 100)); // line 10 cut short, later lines intact
        Files.write(file, damaged, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime()))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("line 10").hasMessageContaining("not a torn write")
                .satisfies(e -> assertThat(((JournalCorruptException) e).problem().lineNumber()).isEqualTo(10));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aParseableLastLineWithABrokenChainIsCorruptionNotATornWrite() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        List<String> damaged = new ArrayList<>(lines);
        damaged.remove(damaged.size() - 2);
        Files.write(file, damaged, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime()))
                .isInstanceOf(JournalCorruptException.class)
                .satisfies(e -> assertThat(((JournalCorruptException) e).problem().kind()).isEqualTo(ProblemKind.SEQUENCE_GAP));
    }

    @Test
    void aForgedLastRecordIsCaughtOnOpenByItsSignature() throws IOException {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        TillKeys other = TillKeys.generate();
        List<String> forged = new ArrayList<>(lines);
        Map<String, Object> body = Forger.body(lines.get(lines.size() - 1));
        forged.set(lines.size() - 1, Forger.sign(body, other)); // right keyId in body, wrong signer
        Files.write(file, forged, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime()))
                .isInstanceOf(JournalCorruptException.class)
                .satisfies(e -> assertThat(((JournalCorruptException) e).problem().kind()).isEqualTo(ProblemKind.BAD_SIGNATURE));
    }

    @Test
    void refusesAnotherTillsJournalAndAnotherKey() {
        Path file = dir.resolve("journal.log");
        SampleJournal.write(file, keys);
        assertThatThrownBy(() -> JournalWriter.open(file, keys, "OTHER-TILL", SteppingClock.lunchtime()))
                .isInstanceOf(JournalCorruptException.class).hasMessageContaining("WRONG_TILL");
        assertThatThrownBy(() -> JournalWriter.open(file, TillKeys.generate(), SampleJournal.TILL, SteppingClock.lunchtime()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(keys.keyId());
    }

    @Test
    void onlyOneWriterAtATime() {
        Path file = dir.resolve("journal.log");
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            assertThatThrownBy(() -> JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already open");
            assertThat(w.lastSeq()).isEqualTo(1);
        }
        try (JournalWriter again = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            assertThat(again.lastSeq()).isEqualTo(1);
        }
    }

    @Test
    void refusesRecordsTheVerifierWouldRejectAndWritesNothing() throws IOException {
        Path file = dir.resolve("journal.log");
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            long size = Files.size(file);
            assertThatThrownBy(() -> w.append(SampleJournal.walkIn("R-1", 1)))
                    .isInstanceOf(JournalRejectedException.class).hasMessageContaining("outside a shift");
            w.append(new ShiftOpenPayload(1, "c", 0));
            SalePayload sale = SampleJournal.zengchengSale("R-1", 1, "E1", IdentificationMethod.CARD, "0A0B", null, "cash", false);
            assertThatThrownBy(() -> w.append(ReversalPayload.voiding(99, sale, 1, "c", "s", "x")))
                    .isInstanceOf(JournalRejectedException.class)
                    .satisfies(e -> assertThat(((JournalRejectedException) e).problem().kind()).isEqualTo(ProblemKind.BAD_REFERENCE));
            Map<String, Object> floaty = new HashMap<>(new ShiftOpenPayload(2, "c", 0).toPayload());
            floaty.put("openingFloatFen", 12.5);
            assertThatThrownBy(() -> w.append(RecordType.SHIFT_OPEN, floaty))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.payload.openingFloatFen");
            Map<String, Object> missing = new TreeMap<>(new ShiftOpenPayload(2, "c", 0).toPayload());
            missing.remove("cashier");
            assertThatThrownBy(() -> w.append(RecordType.SHIFT_OPEN, missing))
                    .isInstanceOf(JournalRejectedException.class).hasMessageContaining("SHIFT_OPEN.cashier: field is missing");
            assertThatThrownBy(() -> w.append(RecordType.TILL_START, Map.of())).hasMessageContaining("written by the journal itself");
            assertThatThrownBy(() -> w.append(RecordType.KEY_ROTATION, Map.of())).hasMessageContaining("rotateKey");
            assertThat(w.lastSeq()).isEqualTo(2);
            assertThat(Files.size(file)).isGreaterThan(size);
            assertThat(JournalReader.readAll(file)).hasSize(2);
        }
    }

    @Test
    void keyRotationIsSignedByTheOldKeyAndLaterRecordsByTheNew() {
        Path file = dir.resolve("journal.log");
        TillKeys next = TillKeys.generate();
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            SignedRecord rotation = w.rotateKey(next, "scheduled yearly rotation");
            assertThat(rotation.keyId()).isEqualTo(keys.keyId());
            SignedRecord after = w.append(new ShiftOpenPayload(1, "c", 0));
            assertThat(after.keyId()).isEqualTo(next.keyId());
        }
        assertThatThrownBy(() -> JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime()))
                .hasMessageContaining("signed with key " + next.keyId());
        try (JournalWriter w = JournalWriter.open(file, next, "T1", SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(3);
        }
        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(file);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.keyIds()).containsExactly(keys.keyId(), next.keyId());
    }

    @Test
    void prepareShiftCloseCarriesTheRecomputedTotals() {
        Path file = dir.resolve("journal.log");
        List<String> lines = SampleJournal.write(file, keys);
        ShiftClosePayload close1 = (ShiftClosePayload) JournalReader.parseLine(lines.get((int) SampleJournal.SHIFT1_CLOSE - 1)).typedPayload();
        Totals shift1 = close1.shift();
        assertThat(shift1.sales()).isEqualTo(4);
        assertThat(shift1.voids()).isEqualTo(1);
        assertThat(shift1.reprints()).isEqualTo(1);
        assertThat(shift1.priceFen()).isEqualTo(1200 + 1200 + 600 + 1200 - 1200);
        assertThat(shift1.subsidyFen()).isEqualTo(2200);
        assertThat(shift1.copayFen()).isEqualTo(800);
        assertThat(shift1.subsidyByFunder()).containsExactly(Map.entry("city", 600L), Map.entry("district", 600L), Map.entry("town", 1000L));
        assertThat(shift1.copayByPaymentMethod()).containsExactly(Map.entry("cash", 800L)); // wechat nets to 0: left out
        assertThat(shift1.providerGrants()).containsExactly(Map.entry("operator:city", 400L));
        assertThat(shift1.ratings()).containsExactly(Map.entry("5", 1L));
        assertThat(close1.fromSeq()).isEqualTo(SampleJournal.SHIFT1_OPEN);
        assertThat(close1.toSeq()).isEqualTo(SampleJournal.SHIFT1_CLOSE - 1);

        ShiftClosePayload close2 = (ShiftClosePayload) JournalReader.parseLine(lines.get((int) SampleJournal.SHIFT2_CLOSE - 1)).typedPayload();
        assertThat(close2.shift().refunds()).isEqualTo(1);
        assertThat(close2.shift().priceFen()).isZero();
        assertThat(close2.shift().copayByPaymentMethod()).containsOnly(Map.entry("cash", -100L), Map.entry("alipay", 100L));
        Totals grand = close2.grand();
        assertThat(grand.sales()).isEqualTo(5);
        assertThat(grand.subsidyFen()).isEqualTo(2200);
        assertThat(grand.copayByPaymentMethod()).containsOnly(Map.entry("cash", 700L), Map.entry("alipay", 100L));
        assertThat(grand.subsidyFen()).isEqualTo(grand.subsidyByFunder().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void readFromReturnsRecordsUnderTheWriterLock() {
        Path file = dir.resolve("journal.log");
        SampleJournal.write(file, keys);
        try (JournalWriter w = JournalWriter.open(file, keys, SampleJournal.TILL, SteppingClock.lunchtime())) {
            List<SignedRecord> tail = w.readFrom(15);
            assertThat(tail).extracting(SignedRecord::seq).containsExactly(15L, 16L, 17L);
            assertThat(tail.get(0).type()).isEqualTo(RecordType.REFUND);
            assertThat(w.readFrom(1)).hasSize(SampleJournal.RECORDS);
        }
    }

    @Test
    void clockGoingBackIsWrittenButWarnedAbout() {
        Path file = dir.resolve("journal.log");
        SteppingClock clock = SteppingClock.lunchtime();
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", clock)) {
            clock.jump(Duration.ofHours(-1));
            w.append(new ShiftOpenPayload(1, "c", 0));
        }
        VerificationReport report = JournalVerifier.trustOnFirstUse().verify(file);
        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).singleElement().asString().contains("seq 2").contains("before the previous record");
    }

    @Test
    void concurrentAppendsStayGaplessAndVerify() throws Exception {
        Path file = dir.resolve("journal.log");
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", java.time.Clock.system(SteppingClock.SHANGHAI))) {
            w.append(new ShiftOpenPayload(1, "c", 0));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<SignedRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String receipt = "R-" + i;
                futures.add(pool.submit(() -> w.append(SampleJournal.walkIn(receipt, 1))));
            }
            List<Long> seqs = new ArrayList<>();
            for (var f : futures) {
                seqs.add(f.get().seq());
            }
            pool.shutdown();
            assertThat(seqs).doesNotHaveDuplicates().allMatch(s -> s >= 3 && s <= 82);
            assertThat(w.lastSeq()).isEqualTo(82);
        }
        VerificationReport report = JournalVerifier.trustOnFirstUse().verify(file);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.countsByType()).containsEntry(RecordType.SALE, 80L);
    }

    @Test
    void emptyFileOrTornTillStartIsStartedAfresh() throws IOException {
        Path empty = dir.resolve("empty.log");
        Files.createFile(empty);
        try (JournalWriter w = JournalWriter.open(empty, keys, "T1", SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(1);
            assertThat(w.recoveryNotes()).isEmpty();
        }
        Path torn = dir.resolve("torn.log");
        String firstLine = SampleJournal.lines(empty).get(0);
        Files.writeString(torn, firstLine.substring(0, 60), StandardCharsets.UTF_8);
        try (JournalWriter w = JournalWriter.open(torn, keys, "T1", SteppingClock.lunchtime())) {
            assertThat(w.lastSeq()).isEqualTo(1);
            assertThat(w.recoveryNotes()).hasSize(1);
        }
        assertThat(JournalVerifier.trustOnFirstUse().verify(torn).ok()).isTrue();
    }
}
