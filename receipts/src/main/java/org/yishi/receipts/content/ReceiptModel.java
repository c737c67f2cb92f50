package org.yishi.receipts.content;

import org.yishi.receipts.ReceiptKind;

/** Everything one receipt shows, before layout. One record per kind. */
public sealed interface ReceiptModel permits SaleReceipt, ReversalReceipt, ReprintReceipt, ZReport, TestPage {

    ReceiptKind kind();

    /** What the till calls this receipt (the print queue and reprint screen show it). */
    String receiptId();

    /** Whether printing it should open the cash drawer. */
    boolean kicksDrawer();

    /** The till and canteen it comes from. */
    ReceiptContext context();

    /** {@code T01-000123}: how receipts that are not sales are numbered (sales carry their own receipt number). */
    static String numbered(String tillId, long seq) {
        return tillId + "-" + String.format("%06d", seq);
    }
}
