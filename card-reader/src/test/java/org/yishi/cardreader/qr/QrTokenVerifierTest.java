package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;

class QrTokenVerifierTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final String UID = "04A1B2C3D4E5F6";
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final KeyPair current = QrKeys.generate();
    private final KeyPair next = QrKeys.generate();
    private final QrTokenIssuer issuer = issuerAt(NOON, current, "k2026");

    private static QrTokenIssuer issuerAt(Instant when, KeyPair keys, String keyId) {
        return new QrTokenIssuer(keys.getPrivate(), keyId, Clock.fixed(when, SHANGHAI));
    }

    private QrTokenVerifier verifierAt(Instant when, Map<String, PublicKey> keys, CardStatusLookup cards) {
        return new QrTokenVerifier(keys, Clock.fixed(when, SHANGHAI), SKEW, cards);
    }

    private QrTokenVerifier verifierAt(Instant when) {
        return verifierAt(when, Map.of("k2026", current.getPublic()), CardStatusLookup.none());
    }

    private static QrRefusal reason(QrVerdict verdict) {
        assertThat(verdict).isInstanceOf(QrVerdict.Refused.class);
        return ((QrVerdict.Refused) verdict).reason();
    }

    @Test
    void acceptsAGenuineTokenAndReportsWhatItSays() {
        String token = issuer.issue("E000123", UID, Duration.ofDays(365));

        QrVerdict verdict = verifierAt(NOON.plusSeconds(3600)).verify(token);

        assertThat(verdict).isEqualTo(new QrVerdict.Accepted(Optional.of("E000123"), Optional.of(UID), NOON,
                NOON.plus(Duration.ofDays(365)), "k2026"));
        assertThat(token).startsWith("YSQ1.").hasSizeLessThan(150);
    }

    @Test
    void aTokenMayNameOnlyTheCardOrOnlyTheElder() {
        QrTokenVerifier verifier = verifierAt(NOON);
        QrVerdict cardOnly = verifier.verify(issuer.issue("", UID, Duration.ofMinutes(5)));
        QrVerdict elderOnly = verifier.verify(issuer.issue("长者-0042", "", Duration.ofMinutes(5)));

        assertThat(((QrVerdict.Accepted) cardOnly).elderId()).isEmpty();
        assertThat(((QrVerdict.Accepted) cardOnly).cardUid()).contains(UID);
        assertThat(((QrVerdict.Accepted) elderOnly).elderId()).contains("长者-0042");
        assertThat(((QrVerdict.Accepted) elderOnly).cardUid()).isEmpty();
    }

    @Test
    void issuingRefusesATokenThatNamesNothingOrBadFields() {
        assertThatThrownBy(() -> issuer.issue("", "", Duration.ofMinutes(5))).hasMessageContaining("names");
        assertThatThrownBy(() -> issuer.issue("E1", "04a1b2c3", Duration.ofMinutes(5))).hasMessageContaining("UID");
        assertThatThrownBy(() -> issuer.issue("E1", "", Duration.ZERO)).hasMessageContaining("not after");
        assertThatThrownBy(() -> issuer.issue("E".repeat(65), "", Duration.ofMinutes(5)))
                .hasMessageContaining("64");
        assertThatThrownBy(() -> issuerAt(NOON, current, "key id with spaces")).hasMessageContaining("key id");
    }

    @Test
    void refusesBadSignature() {
        String genuine = issuer.issue("E000123", UID, Duration.ofDays(1));
        // Same payload and key id, signed by a key that is not the one trusted under that id.
        String forged = issuerAt(NOON, next, "k2026").issue("E000123", UID, Duration.ofDays(1));
        String spliced = genuine.substring(0, genuine.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));

        assertThat(reason(verifierAt(NOON).verify(forged))).isEqualTo(QrRefusal.BAD_SIGNATURE);
        assertThat(reason(verifierAt(NOON).verify(spliced))).isEqualTo(QrRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesATokenWhosePayloadWasChangedAfterSigning() {
        String genuine = issuer.issue("E000123", UID, Duration.ofDays(1));
        String other = issuer.issue("E000999", UID, Duration.ofDays(1));
        // The other elder's payload with the first token's signature.
        String swapped = other.substring(0, other.lastIndexOf('.')) + genuine.substring(genuine.lastIndexOf('.'));

        assertThat(reason(verifierAt(NOON).verify(swapped))).isEqualTo(QrRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusesUnknownKey() {
        String token = issuerAt(NOON, next, "k2027").issue("E000123", UID, Duration.ofDays(1));

        assertThat(reason(verifierAt(NOON).verify(token))).isEqualTo(QrRefusal.UNKNOWN_KEY);
    }

    @Test
    void keyRotationAcceptsEveryTrustedKeyAndRefusesARetiredOne() {
        String fromOld = issuer.issue("E000123", UID, Duration.ofDays(30));
        String fromNew = issuerAt(NOON, next, "k2027").issue("E000123", UID, Duration.ofDays(30));
        QrTokenVerifier duringRollover = verifierAt(NOON,
                Map.of("k2026", current.getPublic(), "k2027", next.getPublic()), CardStatusLookup.none());
        QrTokenVerifier afterRetirement = verifierAt(NOON, Map.of("k2027", next.getPublic()),
                CardStatusLookup.none());

        assertThat(duringRollover.verify(fromOld)).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(duringRollover.verify(fromNew)).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(((QrVerdict.Accepted) duringRollover.verify(fromNew)).keyId()).isEqualTo("k2027");
        assertThat(reason(afterRetirement.verify(fromOld))).isEqualTo(QrRefusal.UNKNOWN_KEY);
        assertThat(afterRetirement.verify(fromNew)).isInstanceOf(QrVerdict.Accepted.class);
    }

    @Test
    void refusesExpiredBeyondTheSkewButNotWithinIt() {
        String token = issuer.issue("E000123", UID, Duration.ofMinutes(10));
        Instant expiry = NOON.plus(Duration.ofMinutes(10));

        assertThat(verifierAt(expiry.plus(SKEW).minusSeconds(1)).verify(token)).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(reason(verifierAt(expiry.plus(SKEW)).verify(token))).isEqualTo(QrRefusal.EXPIRED);
    }

    @Test
    void refusesNotYetValidBeyondTheSkewButNotWithinIt() {
        String token = issuer.issue("E000123", UID, Duration.ofMinutes(10));

        assertThat(verifierAt(NOON.minus(SKEW)).verify(token)).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(reason(verifierAt(NOON.minus(SKEW).minusSeconds(1)).verify(token)))
                .isEqualTo(QrRefusal.NOT_YET_VALID);
    }

    @Test
    void refusesATokenBoundToALostCardFromTheMomentItWasLost() {
        Instant lostAt = NOON.plusSeconds(600);
        CardStatusLookup cards = uid -> uid.equals(UID)
                ? Optional.of(new Card(UID, "E000123", CardStatus.LOST, lostAt)) : Optional.empty();
        String token = issuer.issue("E000123", UID, Duration.ofDays(365));
        Map<String, PublicKey> keys = Map.of("k2026", current.getPublic());

        assertThat(verifierAt(lostAt.minusSeconds(1), keys, cards).verify(token))
                .isInstanceOf(QrVerdict.Accepted.class);
        assertThat(reason(verifierAt(lostAt, keys, cards).verify(token))).isEqualTo(QrRefusal.CARD_LOST);
    }

    @Test
    void refusesATokenBoundToARevokedCard() {
        CardStatusLookup cards = uid -> Optional.of(new Card(uid, "E000123", CardStatus.REVOKED, NOON));
        String token = issuer.issue("E000123", UID, Duration.ofDays(365));

        QrVerdict verdict = verifierAt(NOON.plusSeconds(1), Map.of("k2026", current.getPublic()), cards)
                .verify(token);

        assertThat(reason(verdict)).isEqualTo(QrRefusal.CARD_REVOKED);
        // Staff see the last four UID characters at most.
        assertThat(((QrVerdict.Refused) verdict).detail()).contains("E5F6").doesNotContain(UID);
    }

    @Test
    void refusesATokenBoundToACardTheTillBlockedEvenBeforeTheBlock() {
        // a blocked card's real status is unknown, so the time of the block does not make it good before then
        CardStatusLookup cards = uid -> Optional.of(new Card(uid, "E000123", CardStatus.BLOCKED, NOON.plusSeconds(3600)));
        String token = issuer.issue("E000123", UID, Duration.ofDays(365));

        QrVerdict verdict = verifierAt(NOON.plusSeconds(1), Map.of("k2026", current.getPublic()), cards).verify(token);

        assertThat(reason(verdict)).isEqualTo(QrRefusal.CARD_BLOCKED);
    }

    @Test
    void refusesATokenWhoseCardTheRegistryGivesToAnotherElder() {
        CardStatusLookup cards = uid -> Optional.of(new Card(uid, "E000999", CardStatus.ACTIVE, NOON));
        Map<String, PublicKey> keys = Map.of("k2026", current.getPublic());

        QrVerdict named = verifierAt(NOON, keys, cards).verify(issuer.issue("E000123", UID, Duration.ofDays(365)));
        QrVerdict cardOnly = verifierAt(NOON, keys, cards).verify(issuer.issue("", UID, Duration.ofDays(365)));

        assertThat(reason(named)).isEqualTo(QrRefusal.CARD_MISMATCH);
        assertThat(((QrVerdict.Refused) named).detail()).contains("E000123", "E000999", "E5F6").doesNotContain(UID);
        // A token that names only the card claims no owner, so it cannot contradict the registry.
        assertThat(cardOnly).isInstanceOf(QrVerdict.Accepted.class);
    }

    @Test
    void aMismatchIsReportedBeforeTheCardsStatus() {
        CardStatusLookup cards = uid -> Optional.of(new Card(uid, "E000999", CardStatus.LOST, NOON));

        QrVerdict verdict = verifierAt(NOON.plusSeconds(60), Map.of("k2026", current.getPublic()), cards)
                .verify(issuer.issue("E000123", UID, Duration.ofDays(365)));

        assertThat(reason(verdict)).isEqualTo(QrRefusal.CARD_MISMATCH);
    }

    @Test
    void anActiveCardPasses() {
        CardStatusLookup cards = uid -> Optional.of(new Card(uid, "E000123", CardStatus.ACTIVE, NOON));
        String token = issuer.issue("E000123", UID, Duration.ofDays(365));

        assertThat(verifierAt(NOON, Map.of("k2026", current.getPublic()), cards).verify(token))
                .isInstanceOf(QrVerdict.Accepted.class);
    }

    @Test
    void refusesMalformedTokens() {
        String token = issuer.issue("E000123", UID, Duration.ofDays(1));
        String payload = token.substring(5, token.lastIndexOf('.'));
        String signature = token.substring(token.lastIndexOf('.') + 1);
        QrTokenVerifier verifier = verifierAt(NOON);

        assertThat(reason(verifier.verify("YSQ1."))).isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify("YSQ1." + payload))).isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify(token + ".extra"))).isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify("YSQ1." + payload.substring(4) + "." + signature)))
                .isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify("YSQ1." + payload + "." + signature.substring(0, 40))))
                .isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify("YSQ1." + payload + "=." + signature))).isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify("YSQ1.有效载荷." + signature))).isEqualTo(QrRefusal.MALFORMED);
        assertThat(reason(verifier.verify(token + "A".repeat(600)))).isEqualTo(QrRefusal.MALFORMED);
    }

    @Test
    void refusesANonCanonicalBase64SignatureThatDecodesToTheSameBytes() {
        String token = issuer.issue("E000123", UID, Duration.ofDays(1));
        // 64 signature bytes use 4 of the last character's 6 bits: 'A' -> 'B' flips an unused bit.
        char last = token.charAt(token.length() - 1);
        String alias = token.substring(0, token.length() - 1) + (char) (last ^ 1);

        assertThat(reason(verifierAt(NOON).verify(alias))).isEqualTo(QrRefusal.MALFORMED);
    }

    @Test
    void refusesTextThatIsNotAnElderToken() {
        QrTokenVerifier verifier = verifierAt(NOON);

        assertThat(reason(verifier.verify("https://example.com/receipt?id=123"))).isEqualTo(QrRefusal.WRONG_KIND);
        assertThat(reason(verifier.verify("YSR1.receipt.summary"))).isEqualTo(QrRefusal.WRONG_KIND);
        assertThat(reason(verifier.verify("YSQUARE"))).isEqualTo(QrRefusal.WRONG_KIND);
        assertThat(reason(verifier.verify(""))).isEqualTo(QrRefusal.WRONG_KIND);
        assertThat(reason(verifier.verify(null))).isEqualTo(QrRefusal.WRONG_KIND);
        assertThat(reason(verifier.verify("颐食 长者卡"))).isEqualTo(QrRefusal.WRONG_KIND);
    }

    @Test
    void refusesAGenuinelySignedTokenOfAnotherKind() {
        QrPayload receiptKind = new QrPayload(0x02, NOON, NOON.plusSeconds(60), "k2026", "E000123", "");

        assertThat(reason(verifierAt(NOON).verify(issuer.sign(receiptKind)))).isEqualTo(QrRefusal.WRONG_KIND);
    }

    @Test
    void refusesUnsupportedVersion() {
        String token = issuer.issue("E000123", UID, Duration.ofDays(1));

        assertThat(reason(verifierAt(NOON).verify("YSQ2" + token.substring(4))))
                .isEqualTo(QrRefusal.UNSUPPORTED_VERSION);
        assertThat(reason(verifierAt(NOON).verify("YSQ10.abc.def"))).isEqualTo(QrRefusal.UNSUPPORTED_VERSION);
    }

    @Test
    void refusesAMalleatedSignatureWhoseScalarHasTheGroupOrderAdded() {
        String token = issuer.issue("E000123", UID, Duration.ofDays(1));
        int dot = token.lastIndexOf('.');
        byte[] signature = java.util.Base64.getUrlDecoder().decode(token.substring(dot + 1));
        // S is the little-endian second half; S + L verifies under a lax verifier (the classic malleability).
        byte[] sLittle = java.util.Arrays.copyOfRange(signature, 32, 64);
        byte[] sBig = new byte[33];
        for (int i = 0; i < 32; i++) {
            sBig[32 - i] = sLittle[i];
        }
        java.math.BigInteger order = java.math.BigInteger.TWO.pow(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] sum = new java.math.BigInteger(sBig).add(order).toByteArray();
        // S < L < 2^253, so S + L < 2^254 still fits the 32 bytes.
        byte[] malleated = signature.clone();
        for (int i = 0; i < 32; i++) {
            int from = sum.length - 1 - i;
            malleated[32 + i] = from >= 0 ? sum[from] : 0;
        }
        String changed = token.substring(0, dot + 1)
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(malleated);

        assertThat(changed).isNotEqualTo(token);
        assertThat(reason(verifierAt(NOON).verify(changed))).isEqualTo(QrRefusal.BAD_SIGNATURE);
    }

    @Test
    void publicKeysRoundTripThroughTheirConfigurationForm() {
        String configured = QrKeys.publicKeyToBase64(current.getPublic());
        String token = issuer.issue("E000123", UID, Duration.ofDays(1));

        QrTokenVerifier verifier = verifierAt(NOON, Map.of("k2026", QrKeys.publicKeyFromBase64(configured)),
                CardStatusLookup.none());

        assertThat(verifier.verify(token)).isInstanceOf(QrVerdict.Accepted.class);
        assertThatThrownBy(() -> QrKeys.publicKeyFromBase64("bm90IGEga2V5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ed25519");
    }
}
