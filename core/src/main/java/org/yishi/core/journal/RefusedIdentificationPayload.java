package org.yishi.core.journal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IDENTIFICATION_REFUSED: a card or QR code was presented and refused — a lost or revoked card, an elder recorded
 * deceased, another elder's card, an unknown card, a forged or expired QR code. No sale follows in that identity, so
 * without this record the attempt would leave no trace; with it the settlement server can count cards used after
 * their loss and elders "eating" after their death, per till and canteen. Adds nothing to the totals.
 *
 * @param identification {@code card} or {@code qr}
 * @param reason         the refusal code, lower case (e.g. {@code card_lost}, {@code elder_deceased},
 *                       {@code unknown_card}, {@code qr_bad_signature})
 * @param cardUidLast4   last 4 hex digits of the card presented, when there was a card; never the full UID
 * @param elderId        the elder the card or code names, when the till knows them
 * @param cashier        the staff number logged in, when someone was
 */
public record RefusedIdentificationPayload(IdentificationMethod identification, String reason, String cardUidLast4,
        String elderId, String cashier) implements JournalPayload {

    static final Set<String> FIELDS = Set.of("identification", "reason", "cardUidLast4", "elderId", "cashier");
    private static final Pattern LAST4 = Pattern.compile("[0-9A-F]{4}");

    public RefusedIdentificationPayload {
        Objects.requireNonNull(identification, "identification");
        if (identification != IdentificationMethod.CARD && identification != IdentificationMethod.QR) {
            throw new IllegalArgumentException("a refused identification is by card or qr, not " + identification.code());
        }
        Checks.code("reason", reason);
        if (cardUidLast4 != null && !LAST4.matcher(cardUidLast4).matches()) {
            throw new IllegalArgumentException("cardUidLast4 must be 4 upper-case hex digits, found \"" + cardUidLast4 + "\"");
        }
        Checks.optionalText("elderId", elderId);
        Checks.optionalText("cashier", cashier);
    }

    @Override
    public RecordType type() {
        return RecordType.IDENTIFICATION_REFUSED;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("identification", identification.code(), "reason", reason,
                "cardUidLast4", cardUidLast4, "elderId", elderId, "cashier", cashier);
    }

    static RefusedIdentificationPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        IdentificationMethod method;
        try {
            method = IdentificationMethod.fromCode(f.text("identification"));
        } catch (IllegalArgumentException e) {
            throw f.error("identification", e.getMessage());
        }
        return new RefusedIdentificationPayload(method, f.text("reason"), f.optionalText("cardUidLast4"),
                f.optionalText("elderId"), f.optionalText("cashier"));
    }
}
