package org.yishi.receipts.content;

import org.yishi.core.money.Money;

/**
 * Refuses amounts no canteen receipt can carry, before anything is printed: a receipt that says ¥3,000,000 for a
 * lunch is a bug or tampering and must stop the print with a clear message, not reach an elder's hands.
 */
final class AmountCheck {

    /** ¥1,000,000: far above any meal, any shift, any refund. */
    static final long MAX_RECEIPT_FEN = 100_000_000L;
    /** Perpetual grand totals grow for years; past ¥10,000,000,000 they are a corrupt journal. */
    static final long MAX_GRAND_TOTAL_FEN = 1_000_000_000_000L;

    private AmountCheck() {
    }

    /** An amount that must be 0..¥1,000,000. */
    static String amount(String what, String where, long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException(where + ": " + what + " is negative (" + fen + " fen); it cannot be");
        }
        return bounded(what, where, fen, MAX_RECEIPT_FEN);
    }

    /** A net amount (Z-report: may be negative when refunds outweigh sales) of at most ¥1,000,000 either way. */
    static String net(String what, String where, long fen) {
        return bounded(what, where, fen, MAX_RECEIPT_FEN);
    }

    /** A perpetual grand total. */
    static String grand(String what, String where, long fen) {
        return bounded(what, where, fen, MAX_GRAND_TOTAL_FEN);
    }

    private static String bounded(String what, String where, long fen, long limit) {
        if (fen > limit || fen < -limit) {
            throw new IllegalArgumentException(where + ": " + what + " " + Money.ofFen(fen).toDecimalString()
                    + " yuan is beyond the limit of " + Money.ofFen(limit).toDecimalString() + " yuan for a receipt");
        }
        return Money.ofFen(fen).toDecimalString();
    }
}
