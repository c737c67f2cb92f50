package org.yishi.sync.protocol;

/**
 * A meal another till sold and later voided or refunded: it no longer counts for any limit.
 *
 * @param tillId      the till
 * @param saleSeq     the SALE's seq there
 * @param reversalSeq the VOID's or REFUND's seq
 */
public record UsageReversal(String tillId, long saleSeq, long reversalSeq) {
    public UsageReversal {
        java.util.Objects.requireNonNull(tillId, "tillId");
        if (saleSeq < 1 || reversalSeq <= saleSeq) {
            throw new IllegalArgumentException("a reversal (seq " + reversalSeq + ") follows its sale (seq " + saleSeq + ")");
        }
    }
}
