package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusedIdentificationPayloadTest {

    private static final RefusedIdentificationPayload LOST =
            new RefusedIdentificationPayload(IdentificationMethod.CARD, "card_lost", "3F2A", "E00000052", "1001");

    @Test
    void itRoundTripsThroughCanonicalJsonStrictly() {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = (Map<String, Object>) StrictJsonParser.parse(CanonicalJson.write(LOST.toPayload()));
        assertThat(JournalPayload.of(RecordType.IDENTIFICATION_REFUSED, parsed)).isEqualTo(LOST);

        Map<String, Object> extra = new HashMap<>(LOST.toPayload());
        extra.put("cardUid", "04A1B2C33F2A");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.IDENTIFICATION_REFUSED, extra))
                .hasMessageStartingWith("IDENTIFICATION_REFUSED.cardUid: unknown field");
    }

    @Test
    void onlyCardsAndCodesAreRefusedAndNeverWithAFullUid() {
        assertThatThrownBy(() -> new RefusedIdentificationPayload(IdentificationMethod.WALK_IN, "x", null, null, null))
                .hasMessageContaining("by card or qr");
        assertThatThrownBy(() -> new RefusedIdentificationPayload(IdentificationMethod.CARD, "card_lost", "04A1B2C3", null, null))
                .hasMessageContaining("4 upper-case hex digits");
        assertThatThrownBy(() -> new RefusedIdentificationPayload(IdentificationMethod.QR, "Bad Reason", null, null, null))
                .hasMessageContaining("lower-case code");
    }

    @Test
    void theWriterAcceptsItAndTheVerifierPassesIt() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("refused").resolve("journal-T1.jsonl");
        TillKeys keys = TillKeys.generate();
        try (JournalWriter w = JournalWriter.open(file, keys, "T1", SteppingClock.lunchtime())) {
            w.append(new ShiftOpenPayload(1, "1001", 0));
            w.append(LOST);
            w.append(new RefusedIdentificationPayload(IdentificationMethod.QR, "qr_bad_signature", null, null, null));
        }
        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(file);
        assertThat(report.ok()).as(report.toString()).isTrue();
    }
}
