package org.yishi.till.store.registry;

import java.util.Optional;
import org.yishi.core.elder.Card;

/** The {@code card} table as an import fills it. */
final class CardsTable implements RegistryTable<Card> {

    @Override
    public String kind() {
        return "cards";
    }

    @Override
    public Optional<String> problem(Card card) {
        return Optional.empty();
    }

    @Override
    public String key(Card card) {
        return card.uid();
    }

    @Override
    public void upsert(RegistryMapper mapper, Card card, long generation) {
        mapper.upsertCardOfKnownElder(CardRow.of(card), generation);
    }

    @Override
    public String notWritten(Card c) {
        return "card " + c.uid() + ": elder " + c.elderId() + " is not in the registry (import elders.csv first)";
    }

    @Override
    public int block(RegistryMapper mapper, String cardUid, String reason, long generation) {
        return mapper.blockCard(cardUid, reason, generation);
    }

    @Override
    public long removeAbsent(RegistryMapper mapper, long generation) {
        long absent = mapper.countCardsNotIn(generation);
        if (absent > 0) {
            mapper.deleteCardsNotIn(generation);
        }
        return absent;
    }
}
