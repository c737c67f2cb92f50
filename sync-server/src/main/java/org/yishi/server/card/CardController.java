package org.yishi.server.card;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.server.common.AuditLog;
import org.yishi.server.common.ChangeCounter;
import org.yishi.server.problem.Problems;
import org.yishi.server.registry.RegistryMapper;
import org.yishi.server.registry.StoredRows;
import org.yishi.sync.protocol.ProblemType;

/** Card actions of the administrator API: a card reported lost stops working at every till after its next sync. */
@RestController
public class CardController {

    private final RegistryMapper rows;
    private final ChangeCounter changes;
    private final AuditLog audit;
    private final Clock clock;

    public CardController(RegistryMapper rows, ChangeCounter changes, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/cards/{uid}/lost")
    @Transactional
    public ResponseEntity<Object> reportLost(@PathVariable String uid, Principal who) {
        String normalised = uid.replace(" ", "").replace(":", "").toUpperCase(java.util.Locale.ROOT);
        String held = rows.cardRow(normalised);
        if (held == null) {
            return Problems.answer(ProblemType.NOT_FOUND, "no card " + normalised + " in the registry");
        }
        Card card = StoredRows.parse(RegistryFormat.CARDS, held);
        if (card.status() == CardStatus.LOST) {
            return ResponseEntity.ok(Map.of("cardUid", normalised, "status", "lost", "change", 0));
        }
        Card lost = new Card(card.uid(), card.elderId(), CardStatus.LOST, clock.instant());
        String row = StoredRows.canonical(RegistryFormat.CARDS, lost);
        long change = changes.bump();
        rows.updateCard(lost.uid(), lost.elderId(), row, StoredRows.sha(row), change);
        audit.record(who.getName(), "card_lost", lost.uid(), "elder " + lost.elderId());
        return ResponseEntity.ok(Map.of("cardUid", normalised, "status", "lost", "change", change));
    }
}
