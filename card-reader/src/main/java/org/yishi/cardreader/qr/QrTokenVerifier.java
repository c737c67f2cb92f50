package org.yishi.cardreader.qr;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;

/**
 * Verifies scanned text offline against the trusted issuing keys from the till's configuration. Several key ids
 * may be trusted at once so keys can rotate; removing a key id retires it.
 *
 * <p>{@link #verify} never throws for any input: whatever was scanned becomes a verdict.
 */
public final class QrTokenVerifier {

    private final Map<String, PublicKey> trustedKeys;
    private final Clock clock;
    private final Duration skew;
    private final CardStatusLookup cards;

    /**
     * @param trustedKeys Ed25519 public keys by key id
     * @param clock       the till's clock
     * @param skew        how far till and issuer clocks may disagree (applies to issue and expiry times)
     * @param cards       card status lookup; {@link CardStatusLookup#none()} to skip the check
     */
    public QrTokenVerifier(Map<String, PublicKey> trustedKeys, Clock clock, Duration skew, CardStatusLookup cards) {
        this.trustedKeys = Map.copyOf(trustedKeys);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.skew = Objects.requireNonNull(skew, "skew");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("skew tolerance must not be negative: " + skew);
        }
        this.cards = Objects.requireNonNull(cards, "cards");
        trustedKeys.forEach((id, key) -> {
            if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("trusted key " + id + " is not Ed25519: " + key.getAlgorithm());
            }
        });
    }

    /** Verifies the text exactly as scanned (the caller strips the scanner's Enter, nothing else). */
    public QrVerdict verify(String text) {
        if (text == null || !text.startsWith(QrTokenText.MAGIC)) {
            return refuse(QrRefusal.WRONG_KIND, "not a Yishi token (no " + QrTokenText.MAGIC + " prefix)");
        }
        if (text.length() > QrTokenText.MAX_LENGTH) {
            return refuse(QrRefusal.MALFORMED, "token longer than " + QrTokenText.MAX_LENGTH + " characters");
        }
        int firstDot = text.indexOf('.');
        String version = text.substring(QrTokenText.MAGIC.length(), firstDot < 0 ? text.length() : firstDot);
        if (!QrTokenText.VERSION.equals(version)) {
            return version.matches("[0-9]{1,3}")
                    ? refuse(QrRefusal.UNSUPPORTED_VERSION, "token format version " + version + " is not supported")
                    : refuse(QrRefusal.WRONG_KIND, "not a Yishi token (prefix " + QrTokenText.MAGIC + version + ")");
        }
        int secondDot = text.indexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || text.indexOf('.', secondDot + 1) >= 0) {
            return refuse(QrRefusal.MALFORMED, "a token has exactly three dot-separated parts");
        }
        String signedPart = text.substring(0, secondDot);
        QrPayload payload;
        byte[] signature;
        try {
            payload = QrPayload.fromBytes(QrTokenText.decodeCanonical(text.substring(firstDot + 1, secondDot),
                    "payload"));
            signature = QrTokenText.decodeCanonical(text.substring(secondDot + 1), "signature");
        } catch (IllegalArgumentException e) {
            return refuse(QrRefusal.MALFORMED, e.getMessage());
        }
        if (signature.length != QrTokenText.SIGNATURE_BYTES) {
            return refuse(QrRefusal.MALFORMED, "signature is " + signature.length + " bytes, not 64");
        }
        PublicKey key = trustedKeys.get(payload.keyId());
        if (key == null) {
            return refuse(QrRefusal.UNKNOWN_KEY, "key id " + payload.keyId() + " is not trusted by this till");
        }
        if (!signatureValid(key, signedPart, signature)) {
            return refuse(QrRefusal.BAD_SIGNATURE, "signature does not verify under key " + payload.keyId());
        }
        // Only now is the content genuine; everything below judges what the issuer said.
        if (payload.kind() != QrPayload.KIND_ELDER_CARD) {
            return refuse(QrRefusal.WRONG_KIND, "token kind " + payload.kind() + " is not an elder token");
        }
        Instant now = clock.instant();
        if (payload.issuedAt().isAfter(now.plus(skew))) {
            return refuse(QrRefusal.NOT_YET_VALID, "issued at " + payload.issuedAt() + ", till time " + now);
        }
        if (!payload.expiresAt().isAfter(now.minus(skew))) {
            return refuse(QrRefusal.EXPIRED, "expired at " + payload.expiresAt() + ", till time " + now);
        }
        Optional<QrVerdict> cardRefusal = checkCard(payload.elderId(), payload.cardUid(), now);
        if (cardRefusal.isPresent()) {
            return cardRefusal.get();
        }
        return new QrVerdict.Accepted(nonEmpty(payload.elderId()), nonEmpty(payload.cardUid()),
                payload.issuedAt(), payload.expiresAt(), payload.keyId());
    }

    private Optional<QrVerdict> checkCard(String elderId, String cardUid, Instant now) {
        if (cardUid.isEmpty()) {
            return Optional.empty();
        }
        Optional<Card> card = cards.find(cardUid);
        if (card.isEmpty()) {
            return Optional.empty();
        }
        // Ownership before status: a token naming someone else is wrong whatever the card's state, and saying
        // "lost" would send the cashier after the wrong problem.
        if (!elderId.isEmpty() && !elderId.equals(card.get().elderId())) {
            return Optional.of(refuse(QrRefusal.CARD_MISMATCH, "token names elder " + elderId + " but card "
                    + card.get().last4() + " belongs to elder " + card.get().elderId()));
        }
        if (card.get().activeAt(now)) {
            return Optional.empty();
        }
        CardStatus status = card.get().status();
        QrRefusal reason = switch (status) {
            case LOST -> QrRefusal.CARD_LOST;
            case BLOCKED -> QrRefusal.CARD_BLOCKED;
            default -> QrRefusal.CARD_REVOKED;
        };
        return Optional.of(refuse(reason, "card " + card.get().last4() + " is " + status + " since "
                + card.get().since()));
    }

    private static boolean signatureValid(PublicKey key, String signedPart, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(QrTokenText.signedBytes(signedPart));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature value (e.g. a point not on the curve) is just a bad signature.
            return false;
        }
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static QrVerdict refuse(QrRefusal reason, String detail) {
        return new QrVerdict.Refused(reason, detail);
    }
}
