package org.yishi.cardreader.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.uid.UidFormat;

/** The recogniser against recorded timing patterns of real devices and real cashiers. */
class RecordedTapesTest {

    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private final ReaderEventFactory events =
            new ReaderEventFactory(Clock.fixed(NOON, ZoneId.of("Asia/Shanghai")), "wedge:counter-1");

    private List<WedgeOutcome> play(String tape, WedgeConfig config) {
        return KeyTape.load(tape).playInto(new WedgeRecogniser(config, events));
    }

    private static String passedThrough(List<WedgeOutcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        outcomes.stream().filter(o -> o instanceof WedgeOutcome.PassThrough)
                .forEach(o -> sb.append(((WedgeOutcome.PassThrough) o).text()));
        return sb.toString();
    }

    @Test
    void aFastHexReaderIsOneCardTapWithTheCanonicalUid() {
        List<WedgeOutcome> out = play("uid-14hex-8ms.tape", WedgeConfig.DEFAULT);

        assertThat(out).hasSize(1);
        WedgeOutcome.Scan scan = (WedgeOutcome.Scan) out.get(0);
        assertThat(scan.text()).isEqualTo("04A1B2C3D4E5F6");
        assertThat(scan.event()).isEqualTo(new IdentificationEvent.CardTapped(NOON, "wedge:counter-1", "04A1B2C3D4E5F6"));
    }

    @Test
    void aDecimalWedgeReaderIsNormalisedToHex() {
        WedgeConfig decimal = WedgeConfig.DEFAULT.withInterpretation(WedgeConfig.Interpretation.CARD_UID,
                new UidFormat(UidFormat.Encoding.DECIMAL, false, 4));

        List<WedgeOutcome> out = play("uid-10decimal-12ms.tape", decimal);

        assertThat(out).singleElement().isInstanceOfSatisfying(WedgeOutcome.Scan.class, scan -> {
            assertThat(scan.text()).isEqualTo("3735928559");
            assertThat(((IdentificationEvent.CardTapped) scan.event()).uid()).isEqualTo("DEADBEEF");
        });
    }

    @Test
    void aLongQrPayloadAtTwoMillisecondsPerKeyIsOneQrScanWithTheExactText() {
        KeyTape tape = KeyTape.load("qr-200char-2ms.tape");
        String payload = tape.text().substring(0, 200);

        List<WedgeOutcome> out = tape.playInto(new WedgeRecogniser(WedgeConfig.DEFAULT, events));

        assertThat(out).singleElement().isInstanceOfSatisfying(WedgeOutcome.Scan.class, scan ->
                assertThat(scan.event()).isEqualTo(new IdentificationEvent.QrScanned(NOON, "wedge:counter-1", payload)));
    }

    @Test
    void aCashierTypingSlowlyIsNeverAScanAndEveryKeyReachesTheField() {
        List<WedgeOutcome> out = play("cashier-12-180ms.tape", WedgeConfig.DEFAULT);

        assertThat(out).allMatch(o -> o instanceof WedgeOutcome.PassThrough);
        assertThat(passedThrough(out)).isEqualTo("12\n");
    }

    @Test
    void aScanInTheMiddleOfTypingIsRecognisedAndTheTypingAroundItIsKeptInOrder() {
        List<WedgeOutcome> out = play("scan-between-typing.tape", WedgeConfig.DEFAULT);

        assertThat(out).filteredOn(o -> o instanceof WedgeOutcome.Scan).singleElement()
                .extracting(o -> ((WedgeOutcome.Scan) o).text()).isEqualTo("04A1B2C3D4E5F6");
        assertThat(passedThrough(out)).isEqualTo("123\n");
        int scanAt = out.indexOf(out.stream().filter(o -> o instanceof WedgeOutcome.Scan).findFirst().orElseThrow());
        assertThat(passedThrough(out.subList(0, scanAt))).isEqualTo("12");
    }

    @Test
    void aReadCutShortIsRefusedAsACardAndTheCashiersKeysStillPassThrough() {
        WedgeConfig cardsOnly = WedgeConfig.DEFAULT.withInterpretation(WedgeConfig.Interpretation.CARD_UID, UidFormat.PCSC);

        List<WedgeOutcome> out = play("scan-cut-short-then-typing.tape", cardsOnly);

        assertThat(out).first().isInstanceOfSatisfying(WedgeOutcome.Rejected.class, rejected -> {
            assertThat(rejected.length()).isEqualTo(7);
            assertThat(rejected.event().message()).contains("not a card UID").doesNotContain("04A1B2C");
        });
        assertThat(out).noneMatch(o -> o instanceof WedgeOutcome.Scan);
        assertThat(passedThrough(out)).isEqualTo("x5");
    }

    @Test
    void aReadCutShortGoesToTheFieldWhenUnterminatedBurstsAreConfiguredAsTyping() {
        WedgeConfig passThrough = WedgeConfig.DEFAULT.withUnterminated(WedgeConfig.Unterminated.PASS_THROUGH);

        List<WedgeOutcome> out = play("scan-cut-short-then-typing.tape", passThrough);

        assertThat(out).allMatch(o -> o instanceof WedgeOutcome.PassThrough);
        assertThat(passedThrough(out)).isEqualTo("04A1B2Cx5");
    }

    @Test
    void aTypistsShortFastRunIsTyping() {
        List<WedgeOutcome> out = play("fast-typist-3chars.tape", WedgeConfig.DEFAULT);

        assertThat(out).allMatch(o -> o instanceof WedgeOutcome.PassThrough);
        assertThat(passedThrough(out)).isEqualTo("abc\n");
    }

    @Test
    void aReaderWithoutSuffixIsFlushedAfterTheGapPerConfiguration() {
        assertThat(play("uid-14hex-no-terminator.tape", WedgeConfig.DEFAULT)).singleElement()
                .isInstanceOfSatisfying(WedgeOutcome.Scan.class, scan ->
                        assertThat(((IdentificationEvent.CardTapped) scan.event()).uid()).isEqualTo("04A1B2C3D4E5F6"));

        List<WedgeOutcome> typed = play("uid-14hex-no-terminator.tape",
                WedgeConfig.DEFAULT.withUnterminated(WedgeConfig.Unterminated.PASS_THROUGH));
        assertThat(passedThrough(typed)).isEqualTo("04A1B2C3D4E5F6");

        assertThat(play("uid-14hex-no-terminator.tape", WedgeConfig.DEFAULT.withUnterminated(WedgeConfig.Unterminated.DISCARD)))
                .singleElement().isInstanceOfSatisfying(WedgeOutcome.Rejected.class, r -> assertThat(r.length()).isEqualTo(14));
    }

    @Test
    void aHeldDownKeyRepeatingFastIsTypingNotAScan() {
        List<WedgeOutcome> out = play("autorepeat-held-key.tape", WedgeConfig.DEFAULT);

        assertThat(out).allMatch(o -> o instanceof WedgeOutcome.PassThrough);
        assertThat(passedThrough(out)).isEqualTo("000000000000000\n");
    }

    @Test
    void aTypedKeyGluedToTheFrontOfACardScanGoesToTheFieldAndTheCardIsStillRead() {
        List<WedgeOutcome> out = play("typing-runs-into-scan.tape", WedgeConfig.DEFAULT);

        assertThat(out).hasSize(3);
        assertThat(((WedgeOutcome.PassThrough) out.get(0)).text()).isEqualTo("1");
        assertThat(((WedgeOutcome.PassThrough) out.get(1)).text()).isEqualTo("2");
        assertThat(out.get(2)).isInstanceOfSatisfying(WedgeOutcome.Scan.class, scan -> {
            assertThat(scan.text()).isEqualTo("04A1B2C3D4E5F6");
            assertThat(scan.event()).isInstanceOf(IdentificationEvent.CardTapped.class);
        });
    }

    @Test
    void aQrOnlyScannerNeverTrimsItsPayload() {
        WedgeConfig qr = WedgeConfig.DEFAULT.withInterpretation(WedgeConfig.Interpretation.QR, UidFormat.PCSC);

        List<WedgeOutcome> out = play("typing-runs-into-scan.tape", qr);

        assertThat(out).last().isInstanceOfSatisfying(WedgeOutcome.Scan.class,
                scan -> assertThat(scan.text()).isEqualTo("204A1B2C3D4E5F6"));
    }
}
