package org.yishi.config.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.yishi.config.registry.ElderRecord;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;

/**
 * Cards for an elder: 7-byte NXP-style UIDs (04 + 6 bytes) that are unique by construction (a bijection of a
 * running counter), about 1% with an earlier card reported lost, and revoked cards for withdrawn elders.
 */
final class CardFactory {
    private static final long MASK_48 = (1L << 48) - 1;
    private final ZoneId zone;
    private final LocalDate asOf;
    private long counter;

    CardFactory(ZoneId zone, LocalDate asOf) {
        this.zone = zone;
        this.asOf = asOf;
    }

    List<Card> create(ElderRecord elder, SplittableRandom random) {
        List<Card> cards = new ArrayList<>(2);
        Instant issued = asOf.minusDays(400 + random.nextInt(1500)).atTime(9, 30).atZone(zone).toInstant();
        if (random.nextInt(100) == 0) {
            Instant lostAt = asOf.minusDays(1 + random.nextInt(300)).atTime(10, random.nextInt(60)).atZone(zone).toInstant();
            cards.add(new Card(nextUid(), elder.elderId(), CardStatus.LOST, lostAt));
            issued = lostAt.plusSeconds(86_400);
        }
        if (elder.status() == ElderState.WITHDRAWN) {
            cards.add(new Card(nextUid(), elder.elderId(), CardStatus.REVOKED, elder.statusSince().atTime(9, 0).atZone(zone).toInstant()));
        } else {
            cards.add(new Card(nextUid(), elder.elderId(), CardStatus.ACTIVE, issued));
        }
        return cards;
    }

    /** Multiplying by an odd constant modulo 2^48 is a bijection, so distinct counters give distinct UIDs. */
    private String nextUid() {
        long mixed = ((++counter) * 0x5DEECE66DL + 0x2545F491L) & MASK_48;
        mixed ^= mixed >>> 24;
        return "04" + String.format(Locale.ROOT, "%012X", mixed & MASK_48);
    }
}
