package org.yishi.receipts.content;

import java.util.Objects;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.receipts.ReceiptKind;

/**
 * A receipt printed again: the original's content, marked 重打印 with the reprint count at top and bottom.
 *
 * @param original  the sale, void or refund receipt reprinted
 * @param record    the REPRINT record
 * @param reprint   its payload
 * @param staffName who reprinted it
 */
public record ReprintReceipt(ReceiptModel original, JournalRef record, ReprintPayload reprint, String staffName)
        implements ReceiptModel {

    public ReprintReceipt {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(reprint, "reprint");
        Objects.requireNonNull(staffName, "staffName");
        JournalRef originalRecord;
        if (original instanceof SaleReceipt s) {
            originalRecord = s.record();
        } else if (original instanceof ReversalReceipt r) {
            originalRecord = r.record();
        } else {
            throw new IllegalArgumentException("only sale, void and refund receipts are reprinted, not " + original.kind());
        }
        if (reprint.originalSeq() != originalRecord.seq()) {
            throw new IllegalArgumentException("reprint names seq " + reprint.originalSeq() + " but the receipt given is seq "
                    + originalRecord.seq());
        }
    }

    @Override
    public ReceiptKind kind() {
        return ReceiptKind.REPRINT;
    }

    @Override
    public String receiptId() {
        return original.receiptId() + "-R" + reprint.reprintCount();
    }

    /** A reprint moves no money. */
    @Override
    public boolean kicksDrawer() {
        return false;
    }

    @Override
    public ReceiptContext context() {
        return original.context();
    }
}
