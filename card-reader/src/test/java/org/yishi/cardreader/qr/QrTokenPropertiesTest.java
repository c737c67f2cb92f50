package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

/** Whatever is scanned, the verifier answers with a verdict; a changed token is never accepted. */
class QrTokenPropertiesTest {

    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneId.of("Asia/Shanghai"));
    private static final KeyPair KEYS = QrKeys.generate();
    private static final QrTokenIssuer ISSUER = new QrTokenIssuer(KEYS.getPrivate(), "k2026", CLOCK);
    private static final QrTokenVerifier VERIFIER = new QrTokenVerifier(Map.of("k2026", KEYS.getPublic()), CLOCK,
            Duration.ofMinutes(2), CardStatusLookup.none());
    private static final String TOKEN = ISSUER.issue("E000123", "04A1B2C3D4E5F6", Duration.ofDays(365));
    private static final String TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ 长\n";

    /** An edit to a string: replace, insert or delete one character. */
    record Edit(int kind, int position, char character) {
        String apply(String text) {
            int at = Math.floorMod(position, text.length() + 1);
            return switch (kind) {
                case 0 -> at == text.length() ? text + character
                        : text.substring(0, at) + character + text.substring(at + 1);
                case 1 -> text.substring(0, at) + character + text.substring(at);
                default -> at == text.length() ? text.substring(0, at - 1)
                        : text.substring(0, at) + text.substring(at + 1);
            };
        }
    }

    private static final Gen<String> TOKEN_LIKE = Gen.strings(TOKEN_CHARS, 0, 300);

    /** Half the edits hit the last characters, where base64 has unused bits that must not alias. */
    private static final Gen<List<Edit>> EDITS = Gen.zip(Gen.zip(Gen.ints(0, 2),
                    Gen.frequency(Gen.weighted(1, Gen.ints(0, TOKEN.length())),
                            Gen.weighted(1, Gen.ints(TOKEN.length() - 3, TOKEN.length()))),
                    (kind, position) -> new int[] {kind, position}),
            Gen.chars(TOKEN_CHARS), (kp, c) -> new Edit(kp[0], kp[1], c)).list(1, 3);

    private static final Gen<String> ELDER_IDS = Gen.strings("0123456789E长者-", 1, 20);

    private static final Gen<String> UIDS = Gen.oneOfGens(
            Gen.ints(4, 10).flatMap(bytes -> Gen.strings("0123456789ABCDEF", bytes * 2, bytes * 2)), Gen.constant(""));

    record Genuine(String elderId, String uid) {
    }

    @PropertyTest(tries = 2000)
    void randomTextIsRefusedNeverThrown(long seed) {
        Cases.check(seed, Gen.anyStrings(0, 700), text -> {
            QrVerdict verdict = VERIFIER.verify(text);

            assertThat(verdict).isInstanceOf(QrVerdict.Refused.class);
        });
    }

    @PropertyTest(tries = 2000)
    void randomTextBehindTheTokenPrefixIsRefusedNeverThrown(long seed) {
        Cases.check(seed, TOKEN_LIKE, tail -> assertThat(VERIFIER.verify("YSQ1." + tail)).isInstanceOf(QrVerdict.Refused.class));
    }

    @PropertyTest(tries = 3000)
    void aMutatedTokenIsNeverAccepted(long seed) {
        Cases.check(seed, EDITS, edits -> {
            String mutated = TOKEN;
            for (Edit edit : edits) {
                mutated = edit.apply(mutated);
            }
            QrVerdict verdict = VERIFIER.verify(mutated);

            if (mutated.equals(TOKEN)) {
                assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
            } else {
                assertThat(verdict).isInstanceOf(QrVerdict.Refused.class);
            }
        });
    }

    @PropertyTest(tries = 500)
    void everyGenuineTokenIsAcceptedWithWhatWasIssued(long seed) {
        Cases.check(seed, Gen.zip(ELDER_IDS, UIDS, Genuine::new), g -> {
            String token = ISSUER.issue(g.elderId(), g.uid(), Duration.ofDays(30));

            QrVerdict verdict = VERIFIER.verify(token);

            assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
            assertThat(((QrVerdict.Accepted) verdict).elderId().orElse("")).isEqualTo(g.elderId());
            assertThat(((QrVerdict.Accepted) verdict).cardUid().orElse("")).isEqualTo(g.uid());
        });
    }
}
