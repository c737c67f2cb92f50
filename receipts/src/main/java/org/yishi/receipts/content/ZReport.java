package org.yishi.receipts.content;

import java.util.List;
import java.util.Objects;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.receipts.ReceiptKind;

/**
 * The shift-close (Z) report.
 *
 * @param context      the till
 * @param record       the SHIFT_CLOSE record
 * @param close        its payload: shift and grand totals, sequence range, last hash
 * @param closedByName display name of who closed the shift
 * @param tiers        meals and subsidy per subsidy tier (rule) in the shift, in print order; empty when unknown
 * @param openingFloatFen the shift's opening float (from its SHIFT_OPEN), or null when unknown: cash expected in the
 *                        drawer is the float plus the net cash copayments
 */
public record ZReport(ReceiptContext context, JournalRef record, ShiftClosePayload close, String closedByName,
        List<TierTotal> tiers, Long openingFloatFen) implements ReceiptModel {

    /** One subsidy tier's share of a shift: its name (the rule's), meals and net subsidy. */
    public record TierTotal(String name, long meals, long subsidyFen) {
        public TierTotal {
            Objects.requireNonNull(name, "name");
        }
    }

    public ZReport {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(closedByName, "closedByName");
        tiers = List.copyOf(tiers);
        if (openingFloatFen != null && openingFloatFen < 0) {
            throw new IllegalArgumentException("openingFloatFen must not be negative, found " + openingFloatFen);
        }
    }

    /** A Z-report without the opening float (expected cash is then the net cash copayments alone). */
    public ZReport(ReceiptContext context, JournalRef record, ShiftClosePayload close, String closedByName,
            List<TierTotal> tiers) {
        this(context, record, close, closedByName, tiers, null);
    }

    @Override
    public ReceiptKind kind() {
        return ReceiptKind.Z_REPORT;
    }

    @Override
    public String receiptId() {
        return ReceiptModel.numbered(context.tillId(), record.seq());
    }

    @Override
    public boolean kicksDrawer() {
        return false;
    }
}
