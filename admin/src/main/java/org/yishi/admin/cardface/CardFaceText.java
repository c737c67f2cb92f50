package org.yishi.admin.cardface;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything printed on a card face, already in the user's language and already masked: the renderer draws these
 * strings and nothing else, so what reaches the paper is decided here.
 *
 * @param title            e.g. 长者饭堂就餐卡
 * @param nameLabel        label before the name
 * @param name             the elder's name as it should appear on their own card
 * @param idLabel          label before the resident ID
 * @param maskedResidentId the resident ID with all but the last 4 characters masked
 * @param districtLabel    label before the district
 * @param district         the elder's registered district, by name where known
 * @param cardLabel        label before the card number
 * @param cardLast4        the card UID's last 4 characters
 * @param issuedLabel      label before the issue date
 * @param issued           issue date as printed
 * @param hotline          the bottom line (whom to call)
 * @param token            the QR token text
 */
public record CardFaceText(String title, String nameLabel, String name, String idLabel, String maskedResidentId,
        String districtLabel, String district, String cardLabel, String cardLast4, String issuedLabel, String issued,
        String hotline, String token) {

    public CardFaceText {
        Stream.of(title, nameLabel, name, idLabel, maskedResidentId, districtLabel, district, cardLabel, cardLast4,
                issuedLabel, issued, hotline, token).forEach(Objects::requireNonNull);
        if (!maskedResidentId.matches("\\*+[0-9X]{4}")) {
            // The one field that must never carry the whole number; fail rather than print it.
            throw new IllegalArgumentException("resident ID on a card face must be masked to its last 4 characters");
        }
    }

    /** All the human-readable text, for choosing a font that can show every character of it. */
    public String allText() {
        return String.join("", title, nameLabel, name, idLabel, maskedResidentId, districtLabel, district, cardLabel,
                cardLast4, issuedLabel, issued, hotline);
    }
}
