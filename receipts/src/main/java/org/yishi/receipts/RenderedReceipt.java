package org.yishi.receipts;

import java.util.Objects;

/**
 * A finished receipt, ready for a printer: the contract between layout (this package's renderers) and the printer
 * outputs and print queue ({@code org.yishi.receipts.print}), which only send the bytes.
 *
 * @param receiptId   what the receipt is known by on the till (the receipt number, or till and sequence)
 * @param kind        what it is
 * @param escPos      the complete ESC/POS byte stream, from initialise to cut
 * @param kicksDrawer whether the stream opens the cash drawer (a cash payment or pay-out)
 */
public record RenderedReceipt(String receiptId, ReceiptKind kind, byte[] escPos, boolean kicksDrawer) {
    public RenderedReceipt {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(escPos, "escPos");
    }
}
