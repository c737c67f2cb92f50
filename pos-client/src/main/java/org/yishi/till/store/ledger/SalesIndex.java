package org.yishi.till.store.ledger;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.till.store.TillDatabase;

/**
 * Queries over the sales the till journal has committed. Reads the index that {@link TillJournal} writes in the
 * same transaction as each mirror row, so a sale is visible here as soon as its commit returns.
 */
public final class SalesIndex {

    private final TillDatabase db;

    public SalesIndex(TillDatabase db) {
        this.db = db;
        db.addMapper(LedgerMapper.class);
    }

    /**
     * The elder's earlier purchases in [{@code from}, {@code to}) local time, oldest first, for the subsidy engine's
     * limits. Voided and refunded sales are left out: a reversed meal uses up no limit.
     */
    public List<PriorPurchase> priorPurchases(String elderId, LocalDateTime from, LocalDateTime to) {
        return unreversedSales(elderId, from, to).stream().map(IndexedSale::toPriorPurchase).toList();
    }

    /** The elder's sales in [{@code from}, {@code to}) that no VOID or REFUND reversed, oldest first. */
    public List<IndexedSale> unreversedSales(String elderId, LocalDateTime from, LocalDateTime to) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(LedgerMapper.class).unreversedSalesOf(elderId, from, to).stream().map(SaleRow::toIndexedSale).toList();
        }
    }

    public Optional<IndexedSale> sale(long seq) {
        try (SqlSession s = db.sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(LedgerMapper.class).sale(seq)).map(SaleRow::toIndexedSale);
        }
    }

    /** Sales with this receipt number (normally one). */
    public List<IndexedSale> byReceiptNo(String receiptNo) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(LedgerMapper.class).salesByReceipt(receiptNo).stream().map(SaleRow::toIndexedSale).toList();
        }
    }

    /** The sales of one shift, newest first, reversed ones included (their reversal seq says so). */
    public List<IndexedSale> inShift(long shiftNo) {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(LedgerMapper.class).salesInShift(shiftNo).stream().map(SaleRow::toIndexedSale).toList();
        }
    }

    public long saleCount() {
        try (SqlSession s = db.sessions().openSession()) {
            return s.getMapper(LedgerMapper.class).saleCount();
        }
    }
}
