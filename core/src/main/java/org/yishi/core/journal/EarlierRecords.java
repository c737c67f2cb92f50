package org.yishi.core.journal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a verification resumed from a {@link JournalCheckpoint} needs to know about the records before it: the
 * records a VOID, REFUND, REPRINT or SATISFACTION may name, and the receipt numbers and bill ids already used. A
 * server answers from its store of the journal; {@link #of} answers from the records themselves.
 */
public interface EarlierRecords {

    /**
     * An earlier SALE as later records left it.
     *
     * @param amounts       what it charged (a reversal must copy it)
     * @param reversedBySeq the VOID or REFUND that reversed it, 0 if none
     * @param reversedAs    VOID or REFUND, null if not reversed
     * @param ratedBySeq    the SATISFACTION that rated it, 0 if none
     */
    record EarlierSale(SaleAmounts amounts, long reversedBySeq, RecordType reversedAs, long ratedBySeq) {
        public EarlierSale {
            Objects.requireNonNull(amounts, "amounts");
        }
    }

    /** The type of the record at {@code seq}, if it is an earlier record. */
    Optional<RecordType> typeAt(long seq);

    /** The SALE at {@code seq}, if the record there is one. */
    Optional<EarlierSale> sale(long seq);

    boolean receiptNoUsed(String receiptNo);

    boolean billIdUsed(String billId);

    /** REPRINT records naming {@code seq} so far. */
    long reprintCount(long seq);

    /** Nothing before: a journal verified from its first record. */
    static EarlierRecords none() {
        return of(List.of());
    }

    /** The facts of {@code records} (seq 1 on, in order), kept in memory: for tests and small journals. */
    static EarlierRecords of(List<SignedRecord> records) {
        Map<Long, RecordType> types = new HashMap<>();
        Map<Long, EarlierSale> sales = new HashMap<>();
        Set<String> receipts = new HashSet<>();
        Set<String> bills = new HashSet<>();
        Map<Long, Long> reprints = new HashMap<>();
        for (SignedRecord r : records) {
            types.put(r.seq(), r.type());
            JournalPayload p = r.typedPayload();
            if (p instanceof SalePayload sale) {
                sales.put(r.seq(), new EarlierSale(sale.amounts(), 0, null, 0));
                receipts.add(sale.receiptNo());
                if (sale.billId() != null) {
                    bills.add(sale.billId());
                }
            } else if (p instanceof ReversalPayload reversal) {
                sales.computeIfPresent(reversal.originalSeq(), (k, s) -> new EarlierSale(s.amounts(), r.seq(), r.type(), s.ratedBySeq()));
            } else if (p instanceof SatisfactionPayload rating) {
                sales.computeIfPresent(rating.saleSeq(), (k, s) -> new EarlierSale(s.amounts(), s.reversedBySeq(), s.reversedAs(), r.seq()));
            } else if (p instanceof ReprintPayload reprint) {
                reprints.merge(reprint.originalSeq(), 1L, Long::sum);
            }
        }
        return new EarlierRecords() {
            @Override
            public Optional<RecordType> typeAt(long seq) {
                return Optional.ofNullable(types.get(seq));
            }

            @Override
            public Optional<EarlierSale> sale(long seq) {
                return Optional.ofNullable(sales.get(seq));
            }

            @Override
            public boolean receiptNoUsed(String receiptNo) {
                return receipts.contains(receiptNo);
            }

            @Override
            public boolean billIdUsed(String billId) {
                return bills.contains(billId);
            }

            @Override
            public long reprintCount(long seq) {
                return reprints.getOrDefault(seq, 0L);
            }
        };
    }
}
