package org.yishi.admin.qr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.RegistryDirectory;
import org.yishi.config.registry.RowError;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;

/**
 * Issues the QR token printed on an elder's card: looks the elder and their active card up in the registry and
 * binds the token to both, so that reporting the card lost also stops its QR code. Refuses, with a reason, what
 * should not get a card: an unknown elder, one no longer served (deceased, suspended, withdrawn), one without an
 * active card.
 */
public final class ElderCardTokens {

    private final RegistryDirectory registry;
    private final QrTokenIssuer issuer;

    public ElderCardTokens(RegistryDirectory registry, QrTokenIssuer issuer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** Why no token was issued. */
    public enum Reason {
        /** No row in elders.csv has this id (see the unreadable rows: it may be one of them). */
        UNKNOWN_ELDER,
        /** The registry records the elder as deceased, suspended or withdrawn. */
        ELDER_NOT_ACTIVE,
        /** The elder has no card in ACTIVE status (none at all, or all lost/revoked). */
        NO_ACTIVE_CARD,
        /** The card asked for is not one of this elder's cards. */
        NOT_THE_ELDERS_CARD,
        /** The elder has more than one active card and none was chosen. */
        SEVERAL_ACTIVE_CARDS
    }

    /** The outcome of one request. */
    public sealed interface Outcome {
    }

    /**
     * A token issued.
     *
     * @param elder the registry row (the caller prints from it; the full resident ID must not leave the object)
     * @param card  the card the token is bound to
     * @param token the token text (what the QR code holds)
     */
    public record Issued(ElderRecord elder, Card card, String token) implements Outcome {
    }

    /**
     * Not issued.
     *
     * @param reason     why
     * @param elder      the elder row, when it was found
     * @param cards      the elder's cards as found (for the message: their status and last 4)
     * @param unreadable registry rows that could not be read during the search
     */
    public record Refused(Reason reason, Optional<ElderRecord> elder, List<Card> cards, List<RowError> unreadable)
            implements Outcome {
        public Refused {
            cards = List.copyOf(cards);
            unreadable = List.copyOf(unreadable);
        }
    }

    /**
     * Issues a token for the elder's active card.
     *
     * @param elderId  registry id
     * @param cardUid  a specific card (canonical hex), or empty for the elder's only active card
     * @param validity how long the token is good for
     */
    public Outcome issue(String elderId, Optional<String> cardUid, Duration validity) {
        RegistryDirectory.Found<ElderRecord> found = registry.elder(elderId);
        Optional<ElderRecord> elder = found.first();
        if (elder.isEmpty()) {
            return new Refused(Reason.UNKNOWN_ELDER, Optional.empty(), List.of(), found.unreadable());
        }
        if (elder.get().status() != ElderState.ACTIVE) {
            return new Refused(Reason.ELDER_NOT_ACTIVE, elder, List.of(), List.of());
        }
        RegistryDirectory.Found<Card> cards = registry.cardsOf(elderId);
        List<Card> candidates = cards.matches().stream()
                .filter(c -> cardUid.isEmpty() || c.uid().equals(cardUid.get()))
                .toList();
        if (cardUid.isPresent() && candidates.isEmpty()) {
            return new Refused(Reason.NOT_THE_ELDERS_CARD, elder, cards.matches(), cards.unreadable());
        }
        List<Card> active = candidates.stream().filter(c -> c.status() == CardStatus.ACTIVE).toList();
        if (active.isEmpty()) {
            return new Refused(Reason.NO_ACTIVE_CARD, elder, cards.matches(), cards.unreadable());
        }
        if (active.size() > 1) {
            return new Refused(Reason.SEVERAL_ACTIVE_CARDS, elder, active, List.of());
        }
        Card card = active.get(0);
        return new Issued(elder.get(), card, issuer.issue(elderId, card.uid(), validity));
    }
}
