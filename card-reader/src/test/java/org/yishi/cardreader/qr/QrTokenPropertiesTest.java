package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

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

    @Property(tries = 2000)
    void randomTextIsRefusedNeverThrown(@ForAll @StringLength(max = 700) String text) {
        QrVerdict verdict = VERIFIER.verify(text);

        assertThat(verdict).isInstanceOf(QrVerdict.Refused.class);
    }

    @Property(tries = 2000)
    void randomTextBehindTheTokenPrefixIsRefusedNeverThrown(@ForAll("tokenLike") String tail) {
        assertThat(VERIFIER.verify("YSQ1." + tail)).isInstanceOf(QrVerdict.Refused.class);
    }

    @Property(tries = 3000)
    void aMutatedTokenIsNeverAccepted(@ForAll("edits") java.util.List<Edit> edits) {
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
    }

    @Property(tries = 500)
    void everyGenuineTokenIsAcceptedWithWhatWasIssued(
            @ForAll("elderIds") String elderId, @ForAll("uids") String uid) {
        String token = ISSUER.issue(elderId, uid, Duration.ofDays(30));

        QrVerdict verdict = VERIFIER.verify(token);

        assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(((QrVerdict.Accepted) verdict).elderId().orElse("")).isEqualTo(elderId);
        assertThat(((QrVerdict.Accepted) verdict).cardUid().orElse("")).isEqualTo(uid);
    }

    @Provide
    Arbitrary<String> tokenLike() {
        return Arbitraries.strings().withChars(TOKEN_CHARS.toCharArray()).ofMaxLength(300);
    }

    @Provide
    Arbitrary<java.util.List<Edit>> edits() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                // Half the edits hit the last characters, where base64 has unused bits that must not alias.
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, TOKEN.length())),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(TOKEN.length() - 3, TOKEN.length()))),
                Arbitraries.chars().with(TOKEN_CHARS.toCharArray()))
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> elderIds() {
        return Arbitraries.strings().withCharRange('0', '9').withChars("E长者-".toCharArray()).ofMinLength(1)
                .ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> uids() {
        Arbitrary<String> hex = Arbitraries.integers().between(4, 10).flatMap(bytes ->
                Arbitraries.strings().withChars("0123456789ABCDEF".toCharArray()).ofLength(bytes * 2));
        return Arbitraries.oneOf(hex, Arbitraries.just(""));
    }
}
