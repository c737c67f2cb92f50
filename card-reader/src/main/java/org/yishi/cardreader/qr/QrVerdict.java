package org.yishi.cardreader.qr;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of verifying a scanned text: an identified elder or a specific refusal. */
public sealed interface QrVerdict {

    /** Whether the token identified an elder. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * A genuine, current token.
     *
     * @param elderId   the elder named by the token, if it names one
     * @param cardUid   the card (canonical upper-case hex) the token is bound to, if bound
     * @param issuedAt  when the issuer signed it
     * @param expiresAt when it stops being valid
     * @param keyId     the issuing key
     */
    record Accepted(Optional<String> elderId, Optional<String> cardUid, Instant issuedAt, Instant expiresAt,
                    String keyId) implements QrVerdict {
        public Accepted {
            Objects.requireNonNull(elderId, "elderId");
            Objects.requireNonNull(cardUid, "cardUid");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    /**
     * Not accepted.
     *
     * @param reason what is wrong, for the till's message and the CLI's exit status
     * @param detail a developer-facing explanation (English); never contains key material
     */
    record Refused(QrRefusal reason, String detail) implements QrVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
