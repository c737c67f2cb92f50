package org.yishi.till.shift;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cash counted in the drawer, by denomination: denomination in fen → number of notes or coins.
 *
 * @param countByDenominationFen e.g. {@code 10000 → 3} for three ¥100 notes; every denomination and count ≥ 1
 *                               (a denomination counted 0 times may be left out or given as 0)
 */
public record CashCount(SortedMap<Long, Integer> countByDenominationFen) {

    public CashCount {
        TreeMap<Long, Integer> copy = new TreeMap<>(Collections.reverseOrder());
        countByDenominationFen.forEach((denomination, count) -> {
            if (denomination == null || denomination < 1) {
                throw new IllegalArgumentException("denomination must be at least 1 fen, found " + denomination);
            }
            if (count == null || count < 0) {
                throw new IllegalArgumentException("count of the " + denomination + " fen denomination must not be negative, found " + count);
            }
            if (count > 0) {
                copy.put(denomination, count);
            }
        });
        countByDenominationFen = Collections.unmodifiableSortedMap(copy);
    }

    /** Total in fen. */
    public long totalFen() {
        long total = 0;
        for (Map.Entry<Long, Integer> e : countByDenominationFen.entrySet()) {
            total = Math.addExact(total, Math.multiplyExact(e.getKey(), (long) e.getValue()));
        }
        return total;
    }

    /** From pairs: {@code of(10000, 3, 5000, 1)} is three ¥100 notes and one ¥50 note. */
    public static CashCount of(long... denominationThenCount) {
        if (denominationThenCount.length % 2 != 0) {
            throw new IllegalArgumentException("give denomination and count pairs, found " + denominationThenCount.length + " numbers");
        }
        TreeMap<Long, Integer> m = new TreeMap<>();
        for (int i = 0; i < denominationThenCount.length; i += 2) {
            long count = denominationThenCount[i + 1];
            if (m.put(denominationThenCount[i], Math.toIntExact(count)) != null) {
                throw new IllegalArgumentException("denomination " + denominationThenCount[i] + " fen given twice");
            }
        }
        return new CashCount(m);
    }

    /**
     * A counted total as notes and coins of {@code denominationsFen}, as few pieces as possible (largest first) — for
     * a count known only as a total (a till script, the headless demo).
     *
     * @throws IllegalArgumentException if the total cannot be made of those denominations
     */
    public static CashCount ofTotal(long totalFen, java.util.List<Long> denominationsFen) {
        if (totalFen < 0) {
            throw new IllegalArgumentException("a cash count must not be negative, found " + totalFen + " fen");
        }
        TreeMap<Long, Integer> m = new TreeMap<>();
        long left = totalFen;
        java.util.List<Long> largestFirst = new java.util.ArrayList<>(denominationsFen);
        largestFirst.sort(java.util.Comparator.reverseOrder());
        for (long d : largestFirst) {
            if (left >= d) {
                m.put(d, Math.toIntExact(left / d));
                left %= d;
            }
        }
        if (left != 0) {
            throw new IllegalArgumentException(totalFen + " fen cannot be counted in the till's denominations " + largestFirst);
        }
        return new CashCount(m);
    }

    /** Nothing counted. */
    public static CashCount empty() {
        return new CashCount(new TreeMap<>());
    }
}
