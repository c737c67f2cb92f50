package org.yishi.till.checkout;

import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.print.Admission;

/** A receipt printed again: the REPRINT record's seq, how many times the sale's receipt has now been reprinted. */
public record ReprintResult(long seq, long reprintCount, RenderedReceipt receipt, Admission printing) {
}
