package org.yishi.till.store.registry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;

/** A card as the {@code card} table stores it. */
record CardRow(String cardUid, String elderId, String status, OffsetDateTime statusSince) {

    static CardRow of(Card c) {
        return new CardRow(c.uid(), c.elderId(), c.status().name(), c.since().atOffset(ZoneOffset.UTC));
    }

    Card toCard() {
        return new Card(cardUid, elderId, CardStatus.valueOf(status), statusSince.toInstant());
    }
}
