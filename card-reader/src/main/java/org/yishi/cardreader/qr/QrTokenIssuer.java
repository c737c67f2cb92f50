package org.yishi.cardreader.qr;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Issues signed elder QR tokens with the server's Ed25519 issuing key. Tokens are either short-lived (shown on a
 * family member's phone) or bound to a card (printed on it), so a photo of one cannot be reused for long.
 */
public final class QrTokenIssuer {

    private final PrivateKey privateKey;
    private final String keyId;
    private final Clock clock;

    /**
     * @param privateKey an Ed25519 private key
     * @param keyId      the id tills know its public key by, 1-16 of [A-Za-z0-9_-]
     * @param clock      the issuer's clock
     */
    public QrTokenIssuer(PrivateKey privateKey, String keyId, Clock clock) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        if (!"Ed25519".equals(privateKey.getAlgorithm()) && !"EdDSA".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("issuing key must be Ed25519, not " + privateKey.getAlgorithm());
        }
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Validate the key id now rather than at the first issue.
        new QrPayload(QrPayload.KIND_ELDER_CARD, Instant.EPOCH, Instant.EPOCH.plusSeconds(1), keyId, "x", "");
    }

    /**
     * Issues an elder token valid from now for {@code validity}.
     *
     * @param elderId  the elder's registry id, or empty to bind to the card only
     * @param cardUid  canonical upper-case hex UID of the card the token is bound to, or empty for none
     * @param validity how long the token is good for (at least one second)
     * @throws IllegalArgumentException if a field is out of range (see docs/qr-token.md)
     */
    public String issue(String elderId, String cardUid, Duration validity) {
        Objects.requireNonNull(validity, "validity");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return sign(new QrPayload(QrPayload.KIND_ELDER_CARD, now, now.plus(validity).truncatedTo(ChronoUnit.SECONDS),
                keyId, elderId, cardUid));
    }

    /** Signs any payload: package-private so tests can forge other kinds with a genuine key. */
    String sign(QrPayload payload) {
        String signedPart = QrTokenText.signedPart(payload.toBytes());
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(QrTokenText.signedBytes(signedPart));
            return QrTokenText.join(signedPart, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed for key " + keyId, e);
        }
    }
}
