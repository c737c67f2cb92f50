package org.yishi.till.store.registry;

import java.util.Objects;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.Elder;

/**
 * What a card tap finds: the card as the registry last exported it (its status may be LOST or REVOKED: the
 * caller decides what that means) and the elder it is bound to.
 */
public record IdentifiedElder(Elder elder, Card card) {
    public IdentifiedElder {
        Objects.requireNonNull(elder, "elder");
        Objects.requireNonNull(card, "card");
        if (!card.elderId().equals(elder.id())) {
            throw new IllegalArgumentException("card " + card.uid() + " belongs to " + card.elderId() + ", not " + elder.id());
        }
    }
}
