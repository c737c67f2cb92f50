package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * Writes a realistic two-shift journal through {@link JournalWriter}: sales identified by card, QR, manual search
 * and a walk-in; a void, a reprint, a rating, an offline period, a refund in the next shift, and two Z-reports.
 * The seq of each interesting record is a constant so tests can name them.
 */
public final class SampleJournal {
    public static final String TILL = "GZ-ZC-001";
    static final long SHIFT1_OPEN = 3;
    static final long SALE_CARD = 4;
    static final long SALE_QR = 5;
    static final long SALE_WALK_IN = 6;
    static final long VOID_OF_QR = 7;
    static final long REPRINT = 8;
    static final long RATING = 9;
    static final long SALE_MANUAL_OFFLINE = 11;
    static final long SHIFT1_CLOSE = 13;
    static final long REFUND_OF_CARD = 15;
    static final long SALE_SHIFT2 = 16;
    static final long SHIFT2_CLOSE = 17;
    public static final int RECORDS = 17;

    private SampleJournal() {
    }

    /** Writes the journal into {@code file} and returns its lines. */
    public static List<String> write(Path file, TillKeys keys) {
        try (JournalWriter w = JournalWriter.open(file, keys, TILL, SteppingClock.lunchtime())) {
            w.append(new PolicyUpdatePayload("gz-zengcheng", "2020.1", "ab".repeat(32)));         // 2
            w.append(new ShiftOpenPayload(1, "cashier-li", 20000));                                // 3
            SalePayload card = zengchengSale("R-0001", 1, "E1001", IdentificationMethod.CARD, "7F3A", null, "cash", false);
            w.append(card);                                                                        // 4
            SalePayload qr = zengchengSale("R-0002", 1, "E1002", IdentificationMethod.QR, null, null, "wechat", false);
            w.append(qr);                                                                          // 5
            w.append(walkIn("R-0003", 1));                                                         // 6
            w.append(ReversalPayload.voiding(SALE_QR, qr, 1, "cashier-li", "supervisor-wang", "wrong dish")); // 7
            w.append(new ReprintPayload(SALE_CARD, 1, "cashier-li", "paper jam"));                // 8
            w.append(new SatisfactionPayload(SALE_CARD, 5, null));                               // 9
            SignedRecord off = w.append(new OfflineStartPayload("connect timeout"));              // 10
            w.append(zengchengSale("R-0004", 1, "E1003", IdentificationMethod.MANUAL, null, "supervisor-wang", "cash", true)); // 11
            w.append(new OfflineEndPayload(off.seq()));                                            // 12
            w.append(w.prepareShiftClose("supervisor-wang", 20000L + 300 + 300));                 // 13
            w.append(new ShiftOpenPayload(2, "cashier-zhao", 20000));                              // 14
            w.append(ReversalPayload.refunding(SALE_CARD, card, 2, "cashier-zhao", "supervisor-wang", "elder fell ill")); // 15
            w.append(zengchengSale("R-0005", 2, "E1004", IdentificationMethod.CARD, "00B1", null, "alipay", false)); // 16
            w.append(w.prepareShiftClose("supervisor-wang", null));                                // 17
        }
        return lines(file);
    }

    /** A ¥12 Zengcheng meal for a 低保 elder: government ¥11 (city 3 + district 3 + town 5), elder ¥1, operator ¥2. */
    static SalePayload zengchengSale(String receipt, long shift, String elder, IdentificationMethod how, String last4,
            String approvedBy, String payment, boolean offline) {
        return SalePayload.builder().receiptNo(receipt).shiftNo(shift).cashier(shift == 1 ? "cashier-li" : "cashier-zhao")
                .elderId(elder).identification(how).cardUidLast4(last4).approvedBy(approvedBy)
                .channel(Channel.DINE_IN).mealSlot("lunch")
                .item(SaleItem.of("M-LUNCH-A", "午餐A套餐", 1, 1200))
                .amounts(1200, 1100, 100)
                .funderShares(List.of(new FunderShare("city", 300), new FunderShare("district", 300), new FunderShare("town", 500)))
                .providerGrants(List.of(new ProviderGrant("op-meal", ProviderRole.OPERATOR, "city", 200)))
                .ruleIds(List.of("zc-dibao")).policy("gz-zengcheng", "2020.1")
                .paymentMethod(payment).offline(offline).build();
    }

    static SalePayload walkIn(String receipt, long shift) {
        return SalePayload.builder().receiptNo(receipt).shiftNo(shift).cashier("cashier-li")
                .identification(IdentificationMethod.WALK_IN).channel(Channel.DINE_IN)
                .item(SaleItem.of("M-SOUP", "例汤", 2, 300))
                .amounts(600, 0, 600).policy("gz-zengcheng", "2020.1").paymentMethod("cash").build();
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
