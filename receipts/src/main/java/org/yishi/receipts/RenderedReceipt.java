package org.yishi.receipts;

import java.util.Objects;

/**
 * A finished receipt, ready for a printer: the raw ESC/POS bytes (cut and, for cash sales, drawer kick included).
 *
 * @param receiptId  till + sequence of the journal record it prints, e.g. {@code T01-000123}
 * @param kind       what kind of receipt it is
 * @param escPos     the exact bytes to send to the printer
 * @param kicksDrawer whether the bytes open the cash drawer
 */
public record RenderedReceipt(String receiptId, ReceiptKind kind, byte[] escPos, boolean kicksDrawer) {
    public RenderedReceipt {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(escPos, "escPos");
    }
}
