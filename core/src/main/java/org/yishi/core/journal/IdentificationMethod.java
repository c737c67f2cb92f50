package org.yishi.core.journal;

import java.util.Locale;

/** How the elder was identified at the counter. Written {@code card}, {@code qr}, {@code manual}, {@code walk_in}. */
public enum IdentificationMethod {
    /** Card tapped on the reader. */
    CARD,
    /** Signed QR code scanned. */
    QR,
    /** Found by name + ID/phone digits, with supervisor approval. */
    MANUAL,
    /** Not identified: pays full price, no subsidy. */
    WALK_IN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentificationMethod fromCode(String code) {
        for (IdentificationMethod m : values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("identification must be card, qr, manual or walk_in, found \"" + code + "\"");
    }
}
