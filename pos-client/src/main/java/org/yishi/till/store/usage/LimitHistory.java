package org.yishi.till.store.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.till.store.ledger.LimitSpan;
import org.yishi.till.store.ledger.SalesIndex;

/**
 * The history the subsidy engine's limits count for a purchase: this till's unreversed sales and other tills' (as
 * the server last reported them) in every limit window that can hold the day ({@link LimitSpan}). Each purchase
 * carries its origin (till, seq), so the engine counts a sale once even if it came from both sources.
 */
public final class LimitHistory {

    private final SalesIndex own;
    private final RemoteUsageStore others;

    public LimitHistory(SalesIndex own, RemoteUsageStore others) {
        this.own = Objects.requireNonNull(own, "own");
        this.others = Objects.requireNonNull(others, "others");
    }

    /** The elder's purchases, oldest first, in the limit windows around {@code day}. */
    public List<PriorPurchase> around(String elderId, LocalDate day) {
        LimitSpan span = LimitSpan.around(day);
        List<PriorPurchase> remote = others.unreversed(elderId, span);
        List<PriorPurchase> local = own.priorPurchases(elderId, span.from(), span.to());
        if (remote.isEmpty()) {
            return local;
        }
        List<PriorPurchase> all = new ArrayList<>(local.size() + remote.size());
        all.addAll(local);
        all.addAll(remote);
        all.sort(Comparator.comparing(PriorPurchase::time));
        return all;
    }
}
