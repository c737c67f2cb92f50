package org.yishi.core.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.yishi.core.elder.RegistryMode;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.ProviderGrant;

/**
 * The honest journals of the conformance suite, written through the real {@link JournalWriter} at fixed times with
 * the RFC 8032 keys of {@link ConformanceKeys}: Ed25519 is deterministic, so the bytes are always the same. The
 * broken cases are edits of {@link #fullDay}; the seq of each record they edit is a constant here.
 */
final class ConformanceJournal {

    static final String TILL = "GZ-ZC-001";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final long TILL_START = 1;
    static final long POLICY_UPDATE = 2;
    static final long REGISTRY_UPDATE = 3;
    static final long LOGIN = 4;
    static final long SHIFT1_OPEN = 5;
    static final long SALE_CARD = 6;
    static final long SALE_QR = 7;
    static final long SALE_WALK_IN = 8;
    static final long APPROVAL = 9;
    static final long VOID_OF_QR = 10;
    static final long REPRINT_1 = 11;
    static final long REPRINT_2 = 12;
    static final long RATING = 13;
    static final long REFUSED_CARD = 14;
    static final long SALE_NO_SUBSIDY = 15;
    static final long OFFLINE_START = 16;
    static final long SALE_MANUAL_OFFLINE = 17;
    static final long OFFLINE_END = 18;
    static final long STAFF_LONG_DETAIL = 19;
    static final long SHIFT1_CLOSE = 20;
    static final long KEY_ROTATION = 21;
    static final long SHIFT2_OPEN = 22;
    static final long REFUND_OF_CARD = 23;
    static final long SALE_SHIFT2 = 24;
    static final long RATING_SHIFT2 = 25;
    static final long SHIFT2_CLOSE = 26;
    static final long LOGOUT = 27;
    static final int RECORDS = 27;

    /** 🍚 (U+1F35A): one code point, two UTF-16 units, four UTF-8 bytes. */
    static final String RICE = "\uD83C\uDF5A";
    static final String BILL_ID = "9b2f6c1e-4d7a-4c1b-8e3f-2a5d7c9e1b40";

    private ConformanceJournal() {
    }

    /**
     * A day at a Zengcheng canteen in two shifts, every record type, key rotation between the shifts, and an audit
     * record after the last Z-report (what only an outside anchor protects).
     */
    static List<String> fullDay(Path file) {
        try (JournalWriter w = JournalWriter.open(file, ConformanceKeys.A, TILL, clock(SHANGHAI))) {
            w.append(new PolicyUpdatePayload("gz-zengcheng", "2020.1", "3f".repeat(32)));                       // 2
            w.append(new RegistryUpdatePayload("2025-03", "c0".repeat(32), 2000, RegistryMode.FULL));            // 3
            w.append(StaffPayload.of("1001", StaffAction.LOGIN_OK));                                            // 4
            w.append(new ShiftOpenPayload(1, "1001", 20000));                                                   // 5
            SalePayload card = sale("R-0001", 1, "1001", "E1001", IdentificationMethod.CARD, "7F3A", null, "cash").build();
            w.append(card);                                                                                     // 6
            SalePayload qr = sale("R-0002", 1, "1001", "E1002", IdentificationMethod.QR, null, null, "wechat")
                    .paymentRef("4200002025030311234567").billId(BILL_ID)
                    .quotedAt(OffsetDateTime.of(2025, 3, 3, 11, 5, 0, 0, ZoneOffset.ofHours(8))).build();
            w.append(qr);                                                                                       // 7
            w.append(walkIn("R-0003", 1, "1001"));                                                              // 8
            w.append(new StaffPayload("2001", StaffAction.APPROVAL, "void", "1001", "sale seq 7"));             // 9
            w.append(ReversalPayload.voiding(SALE_QR, qr, 1, "1001", "2001", "wrong dish"));                    // 10
            w.append(new ReprintPayload(SALE_CARD, 1, "1001", "paper jam\n(printer 2)"));                       // 11
            w.append(new ReprintPayload(SALE_CARD, 2, "1001", "elder lost the receipt"));                      // 12
            w.append(new SatisfactionPayload(SALE_CARD, 5, null));                                             // 13
            w.append(new RefusedIdentificationPayload(IdentificationMethod.CARD, "card_lost", "9C1E", "E1005", "1001")); // 14
            w.append(noSubsidy("R-0004", "E1006", "limit_reached"));                                           // 15
            SignedRecord off = w.append(new OfflineStartPayload("connect timeout"));                           // 16
            w.append(sale("R-0005", 1, "1001", "E1003", IdentificationMethod.MANUAL, null, "2001", "cash").offline(true).build()); // 17
            w.append(new OfflineEndPayload(off.seq()));                                                         // 18
            w.append(new StaffPayload("1001", StaffAction.LOCK, null, null, RICE.repeat(StaffPayload.MAX_DETAIL))); // 19
            w.append(w.prepareShiftClose("2001", 22000L));                                                      // 20
            w.rotateKey(ConformanceKeys.B, "scheduled yearly rotation");                                       // 21
            w.append(new ShiftOpenPayload(2, "1002", 20000));                                                   // 22
            w.append(ReversalPayload.refunding(SALE_CARD, card, 2, "1002", "2001", "elder fell ill"));          // 23
            w.append(sale("R-0006", 2, "1002", "E1004", IdentificationMethod.CARD, "00B1", null, "alipay").build()); // 24
            w.append(new SatisfactionPayload(SALE_SHIFT2, 4, "1002"));                                          // 25
            w.append(w.prepareShiftClose("2001", 19900L));                                                      // 26
            w.append(StaffPayload.of("1002", StaffAction.LOGOUT));                                              // 27
        }
        return SampleJournal.lines(file);
    }

    /**
     * Codes the till does not write today in every open list (§7): a verifier MUST accept them. And a
     * REGISTRY_UPDATE from before {@code mode} existed (the member left out, not null).
     */
    static List<String> openCodes(Path file) {
        try (JournalWriter w = JournalWriter.open(file, ConformanceKeys.A, TILL, clock(SHANGHAI))) {
            w.append(new RegistryUpdatePayload("2024-12", "0d".repeat(32), 1500, null));
            w.append(new ShiftOpenPayload(1, "1001", 0));
            w.append(SalePayload.builder().receiptNo("R-0001").shiftNo(1).cashier("1001").elderId("E2001")
                    .identification(IdentificationMethod.CARD).cardUidLast4("A1B2").channel(Channel.DELIVERY)
                    .mealSlot("late_supper").item(SaleItem.of("M-CONGEE", "白粥", 1, 800)).amounts(800, 500, 300)
                    .funderShares(List.of(new FunderShare("welfare_lottery", 300), new FunderShare("charity_fund_2025", 200)))
                    .providerGrants(List.of(new ProviderGrant("dl-trip", ProviderRole.DELIVERY, "street_office", 150)))
                    .ruleIds(List.of("age_80_plus")).policy("gz-zengcheng", "2025.2").paymentMethod("digital_rmb").build());
            w.append(noSubsidy("R-0002", "E2002", "a_reason_from_a_later_engine"));
            w.append(new RefusedIdentificationPayload(IdentificationMethod.QR, "qr_reason_from_a_later_till", null, "E2003", null));
            w.append(new StaffPayload("2001", StaffAction.APPROVAL_REFUSED, "price_override", "1001", "use refused: expired"));
            w.append(w.prepareShiftClose("2001", null));
        }
        return SampleJournal.lines(file);
    }

    /** A till whose clock is set to UTC: {@code +00:00} is the one spelling of UTC (never {@code Z} or {@code -00:00}). */
    static List<String> utcOffset(Path file) {
        try (JournalWriter w = JournalWriter.open(file, ConformanceKeys.A, TILL, clock(ZoneOffset.UTC))) {
            w.append(new ShiftOpenPayload(1, "1001", 10000));
            w.append(walkIn("R-0001", 1, "1001"));
            w.append(w.prepareShiftClose("2001", 10600L));
        }
        return SampleJournal.lines(file);
    }

    private static SteppingClock clock(ZoneId zone) {
        return new SteppingClock(Instant.parse("2025-03-03T03:00:00Z"), Duration.ofSeconds(61).plusMillis(125), zone);
    }

    /** A ¥12 Zengcheng lunch for a 低保 elder: government ¥11 (city 3 + district 3 + town 5), elder ¥1, operator ¥2. */
    private static SalePayload.Builder sale(String receipt, long shift, String cashier, String elder, IdentificationMethod how,
            String last4, String approvedBy, String payment) {
        return SalePayload.builder().receiptNo(receipt).shiftNo(shift).cashier(cashier).elderId(elder).identification(how)
                .cardUidLast4(last4).approvedBy(approvedBy).channel(Channel.DINE_IN).mealSlot("lunch")
                .item(SaleItem.of("M-LUNCH-A", "午餐A套餐", 1, 1200)).amounts(1200, 1100, 100)
                .funderShares(List.of(new FunderShare("city", 300), new FunderShare("district", 300), new FunderShare("town", 500)))
                .providerGrants(List.of(new ProviderGrant("op-meal", ProviderRole.OPERATOR, "city", 200)))
                .ruleIds(List.of("zc-dibao")).policy("gz-zengcheng", "2020.1").paymentMethod(payment);
    }

    /** A known elder's meal without subsidy: the engine refused one (the daily limit was reached). */
    private static SalePayload noSubsidy(String receipt, String elder, String refusal) {
        return SalePayload.builder().receiptNo(receipt).shiftNo(1).cashier("1001").elderId(elder)
                .identification(IdentificationMethod.CARD).cardUidLast4("5D20").channel(Channel.DINE_IN).mealSlot("lunch")
                .item(SaleItem.of("M-LUNCH-A", "午餐A套餐", 1, 1200)).amounts(1200, 0, 1200)
                .policy("gz-zengcheng", "2020.1").paymentMethod("cash").refusal(refusal).build();
    }

    private static SalePayload walkIn(String receipt, long shift, String cashier) {
        return SalePayload.builder().receiptNo(receipt).shiftNo(shift).cashier(cashier)
                .identification(IdentificationMethod.WALK_IN).channel(Channel.DINE_IN)
                .item(SaleItem.of("M-SOUP", "例汤", 2, 300)).amounts(600, 0, 600)
                .policy("gz-zengcheng", "2020.1").paymentMethod("cash").build();
    }
}
