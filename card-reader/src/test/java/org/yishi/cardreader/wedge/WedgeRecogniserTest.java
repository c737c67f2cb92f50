package org.yishi.cardreader.wedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.uid.UidFormat;

class WedgeRecogniserTest {

    private static final long MS = 1_000_000L;
    private final ReaderEventFactory events =
            new ReaderEventFactory(Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneId.of("Asia/Shanghai")), "wedge");

    private static List<WedgeOutcome> burst(WedgeRecogniser r, String text, long startMs, long msPerKey) {
        List<WedgeOutcome> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            out.addAll(r.accept(Keystroke.character(text.charAt(i), (startMs + i * msPerKey) * MS)));
        }
        return out;
    }

    @Test
    void aGarbageBurstNeverHoldsMoreThanMaxLengthAndIsRejectedOnce() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT.withLengths(6, 64), events);
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            garbage.append((char) ('!' + i % 90));
        }

        List<WedgeOutcome> during = burst(r, garbage.toString(), 0, 1);
        assertThat(during).isEmpty();
        assertThat(r.heldCount()).isEqualTo(64);
        List<WedgeOutcome> end = r.accept(Keystroke.enter(20_000 * MS));

        assertThat(end).singleElement().isInstanceOfSatisfying(WedgeOutcome.Rejected.class, rejected -> {
            assertThat(rejected.length()).isEqualTo(20_000);
            assertThat(rejected.event().message()).contains("longer than 64");
        });
        assertThat(r.holding()).isFalse();
        // and the recogniser is ready for the next real scan
        burst(r, "04A1B2C3", 30_000, 5);
        assertThat(r.accept(Keystroke.enter(30_040 * MS))).singleElement().isInstanceOf(WedgeOutcome.Scan.class);
    }

    @Test
    void aGarbageBurstThatJustStopsIsRejectedByTheTick() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT.withLengths(6, 32), events);
        burst(r, "x".repeat(10) + "y".repeat(90), 0, 1);

        assertThat(r.tick(99 * MS + 50 * MS)).isEmpty();
        assertThat(r.tick(99 * MS + 51 * MS)).singleElement().isInstanceOf(WedgeOutcome.Rejected.class);
        assertThat(r.holding()).isFalse();
    }

    @Test
    void aGapOfExactlyMaxGapStillBelongsToTheBurstAndOneNanosecondMoreEndsIt() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT, events);
        burst(r, "04A1B2C3", 0, 50);
        assertThat(r.accept(Keystroke.enter(7 * 50 * MS + 50 * MS))).singleElement().isInstanceOf(WedgeOutcome.Scan.class);

        burst(r, "04A1B2C3", 10_000, 50);
        List<WedgeOutcome> late = r.accept(Keystroke.enter((10_000 + 7 * 50 + 50) * MS + 1));
        // the quiet burst is flushed first (a scan per the default unterminated policy), then Enter is a plain key
        assertThat(late).hasSize(2);
        assertThat(late.get(0)).isInstanceOf(WedgeOutcome.Scan.class);
        assertThat(((WedgeOutcome.PassThrough) late.get(1)).text()).isEqualTo("\n");
    }

    @Test
    void aBurstSlowerOverallThanMaxTotalIsRejected() {
        WedgeConfig config = new WedgeConfig(Duration.ofMillis(40), 4, 512, Duration.ofMillis(500),
                WedgeConfig.Terminator.ENTER, WedgeConfig.Unterminated.SCAN, WedgeConfig.Interpretation.QR, UidFormat.PCSC);
        WedgeRecogniser r = new WedgeRecogniser(config, events);
        burst(r, "abcdefghijklmnopqrstu", 0, 30); // 21 keys, 600 ms

        assertThat(r.accept(Keystroke.enter(630 * MS))).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.Rejected.class, rej -> assertThat(rej.event().message()).contains("500 ms"));
    }

    @Test
    void aTabTerminatedScannerIsRecognisedAndEnterThenBreaksABurst() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT.withTerminator(WedgeConfig.Terminator.TAB), events);
        burst(r, "DEADBEEF", 0, 5);
        assertThat(r.accept(Keystroke.tab(45 * MS))).singleElement().isInstanceOfSatisfying(WedgeOutcome.Scan.class,
                scan -> assertThat(scan.event()).isInstanceOf(IdentificationEvent.CardTapped.class));

        burst(r, "DEADBEEF", 1_000, 5);
        assertThat(r.accept(Keystroke.enter(1_045 * MS))).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.PassThrough.class, p -> assertThat(p.text()).isEqualTo("DEADBEEF\n"));
    }

    @Test
    void autoInterpretationTellsUidsFromQrPayloads() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT, events);
        burst(r, "04:a1:b2:c3", 0, 3);
        WedgeOutcome uid = r.accept(Keystroke.enter(40 * MS)).get(0);
        burst(r, "https://example.org/x", 1_000, 3);
        WedgeOutcome url = r.accept(Keystroke.enter(1_100 * MS)).get(0);

        assertThat(((WedgeOutcome.Scan) uid).event()).isInstanceOfSatisfying(IdentificationEvent.CardTapped.class,
                tap -> assertThat(tap.uid()).isEqualTo("04A1B2C3"));
        assertThat(((WedgeOutcome.Scan) url).event()).isInstanceOfSatisfying(IdentificationEvent.QrScanned.class,
                qr -> assertThat(qr.payload()).isEqualTo("https://example.org/x"));
    }

    @Test
    void aLoneEnterOrTabWithNothingHeldPassesStraightThrough() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT, events);
        assertThat(r.accept(Keystroke.enter(0))).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.PassThrough.class, p -> assertThat(p.text()).isEqualTo("\n"));
        assertThat(r.accept(Keystroke.tab(MS))).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.PassThrough.class, p -> assertThat(p.text()).isEqualTo("\t"));
        assertThat(r.holding()).isFalse();
    }

    @Test
    void timeGoingBackwardsIsRefusedWithoutLosingHeldKeys() {
        WedgeRecogniser r = new WedgeRecogniser(WedgeConfig.DEFAULT, events);
        burst(r, "04A1B2", 1_000, 5);

        assertThatThrownBy(() -> r.accept(Keystroke.character('C', 900 * MS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlier than the previous");
        assertThat(r.heldCount()).isEqualTo(6);
        burst(r, "C3", 1_030, 5);
        assertThat(r.accept(Keystroke.enter(1_045 * MS))).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.Scan.class, s -> assertThat(s.text()).isEqualTo("04A1B2C3"));
    }

    @Test
    void keystrokesRefuseControlCharactersDisguisedAsText() {
        assertThatThrownBy(() -> Keystroke.character('\n', 0)).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> new Keystroke(Keystroke.Kind.ENTER, 'x', 0)).hasMessageContaining("Keystroke.enter");
    }

    @Test
    void configurationThatWouldMistakeTypingForScansIsRefused() {
        WedgeConfig d = WedgeConfig.DEFAULT;
        assertThatThrownBy(() -> new WedgeConfig(Duration.ofMillis(150), 6, 64, Duration.ofSeconds(1), d.terminator(),
                d.unterminated(), d.interpretation(), d.uidFormat())).hasMessageContaining("maxGap").hasMessageContaining("150 ms");
        assertThatThrownBy(() -> new WedgeConfig(Duration.ZERO, 6, 64, Duration.ofSeconds(1), d.terminator(),
                d.unterminated(), d.interpretation(), d.uidFormat())).hasMessageContaining("maxGap");
        assertThatThrownBy(() -> d.withLengths(1, 64)).hasMessageContaining("minLength");
        assertThatThrownBy(() -> d.withLengths(8, 7)).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> d.withLengths(8, 100_000)).hasMessageContaining("8192");
        assertThatThrownBy(() -> new WedgeConfig(Duration.ofMillis(50), 6, 64, Duration.ofMillis(10), d.terminator(),
                d.unterminated(), d.interpretation(), d.uidFormat())).hasMessageContaining("maxTotal");
        assertThatThrownBy(() -> d.withInterpretation(WedgeConfig.Interpretation.QR, null)).hasMessageContaining("uidFormat");
    }
}
