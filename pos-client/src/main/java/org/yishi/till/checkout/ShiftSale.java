package org.yishi.till.checkout;

import java.time.LocalDateTime;
import org.yishi.till.store.ledger.IndexedSale;

/**
 * One line of the shift's history at the till.
 *
 * @param reversal "" while the sale stands, else {@code void} or {@code refund}
 */
public record ShiftSale(long seq, String receiptNo, LocalDateTime time, boolean walkIn, long priceFen, long subsidyFen,
        long copayFen, String reversal) {

    static ShiftSale of(IndexedSale s) {
        String reversal = s.voidedBySeq() != null ? "void" : s.refundedBySeq() != null ? "refund" : "";
        return new ShiftSale(s.seq(), s.receiptNo(), s.saleTime(), s.elderId() == null, s.priceFen(), s.subsidyFen(),
                s.copayFen(), reversal);
    }
}
