package org.yishi.cardreader.qr;

import java.util.Optional;
import org.yishi.core.elder.Card;

/** The till's view of its card registry, so a token bound to a lost or revoked card is refused. */
@FunctionalInterface
public interface CardStatusLookup {

    /** The card with this canonical UID, or empty if the till does not know it. */
    Optional<Card> find(String cardUid);

    /** For tills without a card registry: status is not checked. */
    static CardStatusLookup none() {
        return uid -> Optional.empty();
    }
}
