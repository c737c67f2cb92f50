package org.yishi.cardreader.event;

import java.time.Instant;

/**
 * Somebody presented an identity: a card, a QR code, or a cashier's manual look-up.
 *
 * <p>These carry raw identifiers only. A card UID is a lookup key that can be cloned, a QR payload is
 * unverified text: deciding who the elder is, and whether to trust it, belongs to the till, not the device.
 */
public sealed interface IdentificationEvent extends ReaderEvent {

    /**
     * A card was presented and its UID read.
     *
     * @param uid         canonical UID (upper-case hex, most significant byte first; see
     *                    {@link org.yishi.cardreader.uid.UidFormat})
     * @param cardElderNo the elder number held in the card's own data file, for canteen cards that carry one and
     *                    readers configured to read it; null otherwise. Like the UID it is only a claim: the till
     *                    checks it against the registry's card binding.
     */
    record CardTapped(Instant at, String source, String uid, String cardElderNo) implements IdentificationEvent {
        public CardTapped {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(uid, "card UID");
            if (cardElderNo != null && cardElderNo.isBlank()) {
                throw new IllegalArgumentException("a card's elder number is absent (null) or not blank");
            }
        }

        /** A tap that yielded the UID only, the usual case. */
        public CardTapped(Instant at, String source, String uid) {
            this(at, source, uid, null);
        }
    }

    /**
     * A QR code (or anything a scanner typed that is not a card UID) was scanned. Unverified: the signed-token
     * verifier decides what it is.
     */
    record QrScanned(Instant at, String source, String payload) implements IdentificationEvent {
        public QrScanned {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(payload, "QR payload");
        }

        /** Payloads may be long and are tokens: never print them whole in a log line. */
        @Override
        public String toString() {
            return "QrScanned[at=" + at + ", source=" + source + ", payload=" + payload.length() + " chars]";
        }
    }

    /**
     * The cashier identified an elder without card or QR (forgotten card), which needs a supervisor.
     *
     * @param elderId    the elder chosen
     * @param cashierId  who looked the elder up
     * @param approverId the supervisor who approved it
     */
    record ManualIdentification(Instant at, String source, String elderId, String cashierId, String approverId)
            implements IdentificationEvent {
        public ManualIdentification {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(elderId, "elder id");
            ReaderEvent.requireText(cashierId, "cashier id");
            ReaderEvent.requireText(approverId, "approving supervisor id");
        }
    }
}
