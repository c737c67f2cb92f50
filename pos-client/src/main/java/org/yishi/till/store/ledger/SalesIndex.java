package org.yishi.till.store.ledger;

import java.time.LocalDate;
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
    private final String tillId;

    /** @param tillId this till: each sale's origin (till, seq) in the engine's history */
    public SalesIndex(TillDatabase db, String tillId) {
        this.db = db;
        this.tillId = java.util.Objects.requireNonNull(tillId, "tillId");
        db.addMapper(LedgerMapper.class);
    }

    /**
     * The elder's earlier purchases in [{@code from}, {@code to}) local time, oldest first, for the subsidy engine's
     * limits. Voided and refunded sales are left out: a reversed meal uses up no limit.
     */
    public List<PriorPurchase> priorPurchases(String elderId, LocalDateTime from, LocalDateTime to) {
        return unreversedSales(elderId, from, to).stream().map(sale -> sale.toPriorPurchase(tillId)).toList();
    }

    /**
     * What the subsidy engine needs for a purchase on {@code day}: the elder's unreversed purchases in every limit
     * window that can hold that day — its ISO week and its calendar month (which hold its day and meal slots) —
     * including purchases timed later than now. The engine counts what lies in each window; fetching the whole
     * windows means two sales in one clock tick, a clock set back, or a week that began last month still count
     * against each other.
     */
    public List<PriorPurchase> priorPurchasesAround(String elderId, LocalDate day) {
        LimitSpan span = LimitSpan.around(day);
        return priorPurchases(elderId, span.from(), span.to());
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
