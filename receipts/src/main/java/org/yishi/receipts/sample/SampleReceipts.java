package org.yishi.receipts.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.Totals;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.content.JournalRef;
import org.yishi.receipts.content.ReceiptContext;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReversalReceipt;
import org.yishi.receipts.content.ReprintReceipt;
import org.yishi.receipts.content.SaleReceipt;
import org.yishi.receipts.content.TestPage;
import org.yishi.receipts.content.ZReport;
import org.yishi.receipts.escpos.PrinterProfile;

/**
 * A realistic lunchtime at one canteen, built through the real journal payload types, for {@code ./yishi receipt
 * sample}, the docs and the golden tests: the Zengcheng rule for a ¥12 set meal (a 低保 elder pays ¥1, the
 * government ¥11 split city ¥3 + district ¥3 + town ¥5) plus a ¥1.50 soup twice, paid in cash; its void, refund and
 * second reprint; the shift's Z-report; a test page. Fixed times and hashes (SHA-256 of a label, standing in for a
 * record's), so the output is the same on every run.
 */
public final class SampleReceipts {

    public static final String TILL = "T01";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-03-12T11:32:05+08:00");

    private SampleReceipts() {
    }

    /** The canteen and till every sample comes from. */
    public static ReceiptContext context() {
        return new ReceiptContext("阳光长者食堂（天河店）", "020-3888 1234", TILL,
                Map.of("city", "市财政", "district", "区财政", "town", "镇街"), SHANGHAI);
    }

    /** One sample of {@code kind}; the test page describes {@code profile}. */
    public static ReceiptModel of(ReceiptKind kind, PrinterProfile profile) {
        return switch (kind) {
            case SALE -> sale();
            case VOID -> reversal(ReceiptKind.VOID);
            case REFUND -> reversal(ReceiptKind.REFUND);
            case REPRINT -> new ReprintReceipt(sale(), ref(57, NOON.plusMinutes(20)),
                    new ReprintPayload(42, 2, "cashier-li", "打印机卡纸"), "李梅");
            case Z_REPORT -> zReport();
            case TEST_PAGE -> new TestPage(context(), profile, NOON.minusHours(3));
            case DRAWER_KICK -> throw new IllegalArgumentException(
                    "a drawer kick prints nothing: it has no sample receipt (escpos.DrawerKick makes its bytes)");
        };
    }

    /** The kind named on the command line: sale, void, refund, reprint, zreport, test. */
    public static ReceiptKind kindNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sale" -> ReceiptKind.SALE;
            case "void" -> ReceiptKind.VOID;
            case "refund" -> ReceiptKind.REFUND;
            case "reprint" -> ReceiptKind.REPRINT;
            case "zreport", "z" -> ReceiptKind.Z_REPORT;
            case "test" -> ReceiptKind.TEST_PAGE;
            default -> throw new IllegalArgumentException("receipt kind must be sale, void, refund, reprint, zreport or test, not \"" + name + "\"");
        };
    }

    public static SaleReceipt sale() {
        return new SaleReceipt(context(), ref(42, NOON), salePayload(), "李梅", "欧阳小华", OptionalInt.of(1));
    }

    static SalePayload salePayload() {
        return SalePayload.builder()
                .receiptNo(TILL + "-000042")
                .shiftNo(3)
                .cashier("cashier-li")
                .elderId("E-440118-0007")
                .identification(IdentificationMethod.CARD)
                .cardUidLast4("3F2A")
                .channel(Channel.DINE_IN)
                .mealSlot("lunch")
                .item(SaleItem.of("M-SET-12", "红烧肉套餐（两荤一素）", 1, 1200))
                .item(SaleItem.of("M-SOUP", "绿豆汤", 2, 150))
                .amounts(1500, 1100, 400)
                .funderShares(List.of(new FunderShare("city", 300), new FunderShare("district", 300),
                        new FunderShare("town", 500)))
                .ruleIds(List.of("zengcheng-dibao-60"))
                .policy("gz-zengcheng", "2020.1")
                .paymentMethod("cash")
                .build();
    }

    private static ReversalReceipt reversal(ReceiptKind kind) {
        SalePayload sale = salePayload();
        ReversalPayload payload = kind == ReceiptKind.VOID
                ? ReversalPayload.voiding(42, sale, 3, "cashier-li", "supervisor-wang", "点错菜品，未出餐")
                : ReversalPayload.refunding(42, sale, 3, "cashier-li", "supervisor-wang", "饭菜变质，长者要求退款");
        return new ReversalReceipt(context(), ref(kind == ReceiptKind.VOID ? 43 : 51, NOON.plusMinutes(4)), payload,
                "李梅", "王建国", "欧阳小华");
    }

    private static ZReport zReport() {
        Totals shift = new Totals(118, 1, 1, 2, 143_400, 98_700, 44_700,
                sorted(Map.of("city", 35_400L, "district", 29_100L, "town", 34_200L)),
                sorted(Map.of("cash", 31_200L, "wechat", 13_500L)),
                sorted(Map.of("operator:city", 23_600L)),
                sorted(Map.of("5", 21L, "4", 6L, "3", 1L)));
        Totals grand = new Totals(21_874, 140, 37, 412, 26_210_450, 18_003_300, 8_207_150,
                sorted(Map.of("city", 6_531_000L, "district", 5_402_100L, "town", 6_070_200L)),
                sorted(Map.of("cash", 5_901_150L, "wechat", 2_306_000L)),
                sorted(Map.of("operator:city", 4_374_800L)),
                sorted(Map.of("5", 3_120L, "4", 840L, "3", 95L, "2", 12L, "1", 3L)));
        ShiftClosePayload close = new ShiftClosePayload(3, "supervisor-wang", 31, 160, hash("record 160"), 31_000L,
                shift, grand);
        return new ZReport(context(), ref(161, NOON.plusHours(2)), close, "王建国", List.of(
                new ZReport.TierTotal("低保/特困 60+", 64, 70_400),
                new ZReport.TierTotal("80岁以上", 21, 18_900),
                new ZReport.TierTotal("60-79岁", 13, 9_400)));
    }

    private static TreeMap<String, Long> sorted(Map<String, Long> map) {
        return new TreeMap<>(map);
    }

    private static JournalRef ref(long seq, OffsetDateTime time) {
        return new JournalRef(seq, time, hash("record " + seq));
    }

    private static String hash(String label) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("yishi sample " + label).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
