package org.yishi.core.elder;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A card bound to an elder. The UID is a lookup key, not proof of identity: UIDs can be cloned.
 *
 * @param uid     canonical upper-case hex, e.g. 04A1B2C3D4E5F6
 * @param elderId the elder it identifies
 * @param status  current status
 * @param since   when the current status began
 */
public record Card(String uid, String elderId, CardStatus status, Instant since) {

    private static final Pattern HEX_UID = Pattern.compile("[0-9A-F]{8,20}");

    public Card {
        Objects.requireNonNull(uid, "uid");
        if (!HEX_UID.matcher(uid).matches()) {
            throw new IllegalArgumentException("card UID must be 8-20 upper-case hex digits: \"" + uid + "\"");
        }
        Objects.requireNonNull(elderId, "elderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }

    /**
     * Whether the card identified its elder at {@code moment}. A card lost at 11:00 was still good at 10:59. A
     * {@link CardStatus#BLOCKED} card never is: its last known status was refused, so the till cannot say since when
     * it stopped being good.
     */
    public boolean activeAt(Instant moment) {
        if (status == CardStatus.BLOCKED) {
            return false;
        }
        return status == CardStatus.ACTIVE || moment.isBefore(since);
    }

    /** The last four UID characters, which is all a receipt prints of a card. */
    public String last4() {
        return uid.substring(uid.length() - 4);
    }
}
