package org.yishi.receipts.content;

import java.util.Objects;
import org.yishi.core.elder.NameMask;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.receipts.ReceiptKind;

/**
 * A void or refund receipt, naming the original receipt.
 *
 * @param context      the till
 * @param record       the VOID or REFUND record
 * @param reversal     its payload (carries the original's receipt number, seq and amounts)
 * @param cashierName  the cashier's display name
 * @param approverName the approving supervisor's display name
 * @param elderName    the elder's name, masked here; null for a walk-in
 */
public record ReversalReceipt(ReceiptContext context, JournalRef record, ReversalPayload reversal, String cashierName,
        String approverName, String elderName) implements ReceiptModel {

    public ReversalReceipt {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reversal, "reversal");
        Objects.requireNonNull(cashierName, "cashierName");
        Objects.requireNonNull(approverName, "approverName");
        if (reversal.originalSeq() >= record.seq()) {
            throw new IllegalArgumentException("reversal at seq " + record.seq() + " names original seq "
                    + reversal.originalSeq() + ", which is not earlier");
        }
        elderName = elderName == null ? null : NameMask.mask(elderName);
    }

    @Override
    public ReceiptKind kind() {
        return reversal.type() == RecordType.VOID ? ReceiptKind.VOID : ReceiptKind.REFUND;
    }

    @Override
    public String receiptId() {
        return ReceiptModel.numbered(context.tillId(), record.seq());
    }

    /** Cash goes back out of the drawer. */
    @Override
    public boolean kicksDrawer() {
        return "cash".equals(reversal.original().paymentMethod()) && reversal.original().copayFen() > 0;
    }
}
