package org.yishi.config.simulate;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.PriorPurchase;

/**
 * Each elder's earlier subsidised purchases, kept only as far back as the policy's largest limit window can
 * reach (the same day for meal-slot/day limits, the ISO week and calendar month for the longer ones), so a
 * million-row file is simulated in bounded memory. Assumes rows come in time order, as till exports do:
 * pruning follows the latest time seen; a row earlier than that is still processed against what is kept.
 */
final class ElderHistories {

    private final Optional<LimitWindow> largest;
    private final Map<String, ArrayDeque<PriorPurchase>> byElder = new HashMap<>();
    private final Map<String, LocalDateTime> latest = new HashMap<>();

    ElderHistories(Policy policy) {
        this.largest = Stream.concat(policy.limits().stream().map(l -> l.window()),
                        policy.providerSubsidies().stream().map(p -> p.window()).filter(w -> w != null))
                .max(Enum::compareTo);
    }

    /** What the limits need to know about this elder before a purchase at {@code time}. */
    List<PriorPurchase> before(String elderId, LocalDateTime time) {
        ArrayDeque<PriorPurchase> h = byElder.get(elderId);
        if (h == null) {
            return List.of();
        }
        LocalDateTime last = latest.get(elderId);
        if (!time.isBefore(last)) {
            LocalDateTime horizon = horizon(time);
            while (!h.isEmpty() && h.peekFirst().time().isBefore(horizon)) {
                h.pollFirst();
            }
        }
        return List.copyOf(h);
    }

    /** Remembers a purchase that was subsidised or earned a provider subsidy. */
    void record(String elderId, PriorPurchase purchase) {
        if (largest.isEmpty()) {
            return;
        }
        byElder.computeIfAbsent(elderId, k -> new ArrayDeque<>()).addLast(purchase);
        latest.merge(elderId, purchase.time(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Forgets elders whose whole history is older than any window reaching {@code now}. */
    void sweep(LocalDateTime now) {
        LocalDateTime horizon = horizon(now);
        Iterator<Map.Entry<String, LocalDateTime>> it = latest.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, LocalDateTime> e = it.next();
            if (e.getValue().isBefore(horizon)) {
                byElder.remove(e.getKey());
                it.remove();
            }
        }
    }

    /** The earliest time any limit window containing {@code t} can start. */
    private LocalDateTime horizon(LocalDateTime t) {
        LocalDateTime day = t.toLocalDate().atStartOfDay();
        return switch (largest.orElse(LimitWindow.DAY)) {
            case MEAL_SLOT, DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> {
                LocalDateTime month = day.withDayOfMonth(1);
                LocalDateTime week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield month.isBefore(week) ? month : week;
            }
        };
    }
}
