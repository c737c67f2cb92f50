package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;

/**
 * Fuzzes the QR token verifier: whatever a scanner or a camera hands the till is outside input (docs/qr-token.md,
 * docs/testing.md). The contract: {@link QrTokenVerifier#verify} always answers with a verdict and never throws.
 *
 * <p>Input: if the first byte is even, the rest is the scanned text (UTF-8), and — since only this test's fresh key
 * is trusted — the verdict must be a refusal. If it is odd, the rest is a token payload, which the test signs with
 * the trusted key, so that the fuzzer reaches the payload parser and the checks after the signature; an accepted
 * token must then carry exactly what its payload bytes say.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code src/test/resources/org/yishi/cardreader/qr/
 * QrTokenFuzzTestInputs/verify/}; {@code scripts/fuzz.sh card-reader QrTokenFuzzTest verify MINUTES} fuzzes.
 */
class QrTokenFuzzTest {

    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneId.of("Asia/Shanghai"));
    private static final KeyPair KEYS = QrKeys.generate();
    private static final QrTokenVerifier VERIFIER = new QrTokenVerifier(Map.of("k2026", KEYS.getPublic()), CLOCK,
            Duration.ofMinutes(2), CardStatusLookup.none());

    @FuzzTest
    void verify(byte[] input) throws Exception {
        boolean signed = input.length > 0 && (input[0] & 1) == 1;
        byte[] rest = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input;
        if (!signed) {
            QrVerdict verdict = VERIFIER.verify(new String(rest, StandardCharsets.UTF_8));
            assertThat(verdict).as("no token signed by this test's key can be in the text").isInstanceOf(QrVerdict.Refused.class);
            return;
        }
        String signedPart = QrTokenText.signedPart(rest);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(KEYS.getPrivate());
        signer.update(QrTokenText.signedBytes(signedPart));
        String token = QrTokenText.join(signedPart, signer.sign());

        QrVerdict verdict = VERIFIER.verify(token);

        assertThat(verdict).isNotNull();
        if (verdict instanceof QrVerdict.Accepted accepted) {
            QrPayload payload = QrPayload.fromBytes(rest);
            assertThat(payload.kind()).isEqualTo(QrPayload.KIND_ELDER_CARD);
            assertThat(accepted.elderId().orElse("")).isEqualTo(payload.elderId());
            assertThat(accepted.cardUid().orElse("")).isEqualTo(payload.cardUid());
            assertThat(payload.issuedAt()).isBeforeOrEqualTo(NOON.plus(Duration.ofMinutes(2)));
            assertThat(payload.expiresAt()).isAfter(NOON.minus(Duration.ofMinutes(2)));
        }
    }
}
