package org.yishi.till.checkout;

import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.print.Admission;

/**
 * A sale made: it is in the journal whatever happens to its receipt.
 *
 * @param seq       the SALE record's sequence number
 * @param receiptNo the number printed on the receipt
 * @param copayFen  what the elder paid
 * @param changeFen cash to give back
 * @param receipt   the receipt as sent to the printer
 * @param printing  what the print queue said (accepted, or refused when full: reprint later)
 */
public record SaleResult(long seq, String receiptNo, long copayFen, long changeFen, RenderedReceipt receipt,
        Admission printing) {
}
