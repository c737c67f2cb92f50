package org.yishi.core.journal;

import java.util.Map;
import java.util.TreeMap;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * Accumulates {@link Totals} record by record. The one implementation of the totals rules, shared by the writer
 * (to prepare a SHIFT_CLOSE), the verifier (to recompute it) and the till (for its own reports). Not thread-safe.
 */
public final class JournalTotals {

    private long sales;
    private long voids;
    private long refunds;
    private long reprints;
    private long priceFen;
    private long subsidyFen;
    private long copayFen;
    private final TreeMap<String, Long> subsidyByFunder = new TreeMap<>();
    private final TreeMap<String, Long> copayByPaymentMethod = new TreeMap<>();
    private final TreeMap<String, Long> providerGrants = new TreeMap<>();
    private final TreeMap<String, Long> ratings = new TreeMap<>();

    /** Totals that go on from {@code from} (a checkpoint's). */
    public static JournalTotals of(Totals from) {
        JournalTotals t = new JournalTotals();
        t.sales = from.sales();
        t.voids = from.voids();
        t.refunds = from.refunds();
        t.reprints = from.reprints();
        t.priceFen = from.priceFen();
        t.subsidyFen = from.subsidyFen();
        t.copayFen = from.copayFen();
        t.subsidyByFunder.putAll(from.subsidyByFunder());
        t.copayByPaymentMethod.putAll(from.copayByPaymentMethod());
        t.providerGrants.putAll(from.providerGrants());
        t.ratings.putAll(from.ratings());
        return t;
    }

    /** Adds the effect of one record's payload; records without money or counts (SHIFT_OPEN, ...) add nothing. */
    public void add(JournalPayload payload) {
        if (payload instanceof SalePayload sale) {
            sales++;
            apply(sale.amounts(), 1);
        } else if (payload instanceof ReversalPayload reversal) {
            if (reversal.type() == RecordType.VOID) {
                voids++;
            } else {
                refunds++;
            }
            apply(reversal.original(), -1);
        } else if (payload instanceof ReprintPayload) {
            reprints++;
        } else if (payload instanceof SatisfactionPayload rating) {
            addTo(ratings, Integer.toString(rating.rating()), 1);
        }
    }

    private void apply(SaleAmounts amounts, int sign) {
        priceFen = Math.addExact(priceFen, sign * amounts.priceFen());
        subsidyFen = Math.addExact(subsidyFen, sign * amounts.subsidyFen());
        copayFen = Math.addExact(copayFen, sign * amounts.copayFen());
        for (FunderShare share : amounts.funderShares()) {
            addTo(subsidyByFunder, share.funder(), sign * share.fen());
        }
        addTo(copayByPaymentMethod, amounts.paymentMethod(), sign * amounts.copayFen());
        for (ProviderGrant grant : amounts.providerGrants()) {
            addTo(providerGrants, JsonShapes.roleCode(grant) + ":" + grant.funder(), sign * grant.fen());
        }
    }

    private static void addTo(Map<String, Long> map, String key, long delta) {
        long v = Math.addExact(map.getOrDefault(key, 0L), delta);
        if (v == 0) {
            map.remove(key);
        } else {
            map.put(key, v);
        }
    }

    /** The totals so far. */
    public Totals snapshot() {
        return new Totals(sales, voids, refunds, reprints, priceFen, subsidyFen, copayFen, subsidyByFunder,
                copayByPaymentMethod, providerGrants, ratings);
    }
}
