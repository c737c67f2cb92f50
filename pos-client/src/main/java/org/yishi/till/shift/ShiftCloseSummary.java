package org.yishi.till.shift;

import java.util.Objects;
import org.yishi.core.journal.Totals;

/**
 * What closing the open shift would say (or said).
 *
 * @param shiftNo         the shift
 * @param openingFloatFen its float (SHIFT_OPEN)
 * @param expectedCashFen float + net cash copayments (cash sales − cash voids − cash refunds), from the shift totals
 *                        that the SHIFT_CLOSE carries
 * @param countedCashFen  the count
 * @param varianceFen     counted − expected (negative: cash missing)
 * @param shiftTotals     the shift's totals as {@code TillJournal.prepareShiftClose} computes them
 */
public record ShiftCloseSummary(long shiftNo, long openingFloatFen, long expectedCashFen, long countedCashFen,
        long varianceFen, Totals shiftTotals) {

    public ShiftCloseSummary {
        Objects.requireNonNull(shiftTotals, "shiftTotals");
        if (varianceFen != countedCashFen - expectedCashFen) {
            throw new IllegalArgumentException("variance " + varianceFen + " is not counted " + countedCashFen
                    + " − expected " + expectedCashFen);
        }
    }

    /** Whether the count differs from what is expected (a supervisor must approve the close). */
    public boolean hasVariance() {
        return varianceFen != 0;
    }
}
