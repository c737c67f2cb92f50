package org.yishi.receipts.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.JournalPayload;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.escpos.EscPosDecoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

class ZReportTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2025-03-12T11:00:00+08:00");

    @Test
    void theZReportShowsFundersPaymentMethodsCashCheckGrandTotalsAndTheWholeLastHash() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM58);
        ZReport z = (ZReport) SampleReceipts.of(ReceiptKind.Z_REPORT, profile);
        EscPosDecoder d = EscPosDecoder.decode(new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile).render(z).escPos());
        List<String> t = d.texts();
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("流水范围").endsWith("#31 - #160"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("  市财政").endsWith("354.00"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("  微信支付").endsWith("135.00"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("  低保/特困 60+（64 餐）").endsWith("704.00"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("差额").endsWith("-2.00"));
        assertThat(t).anySatisfy(l -> assertThat(l).startsWith("销售笔数").endsWith("21874"));
        String hash = z.close().lastHash();
        assertThat(t).containsSubsequence(hash.substring(0, 32), hash.substring(32));
        assertThat(d.drawerKicks()).isEmpty();
    }

    @Test
    void tiersAreCountedFromTheShiftsSalesLessTheirReversals() {
        SalePayload dibao = sale("T01-000002", 1200, 1100, "dibao");
        SalePayload age80 = sale("T01-000003", 1200, 900, "age80");
        SalePayload walkIn = SalePayload.builder().receiptNo("T01-000004").shiftNo(2).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1200)).amounts(1200, 0, 1200)
                .policy("p", "1").paymentMethod("cash").build();
        SalePayload earlier = sale("T01-000001", 1200, 900, "age80");
        List<SignedRecord> shift = List.of(
                record(2, dibao), record(3, age80), record(4, walkIn), record(5, sale("T01-000005", 1200, 1100, "dibao")),
                record(6, ReversalPayload.voiding(2, dibao, 2, "c", "s", "错")),
                record(7, ReversalPayload.refunding(1, earlier, 2, "c", "s", "退")),
                record(8, new ReprintPayload(3, 1, "c", "卡纸")));
        Map<String, String> names = Map.of("dibao", "低保 60+", "age80", "80岁以上");
        List<ZReport.TierTotal> tiers = ShiftTiers.of(shift, seq -> seq == 1 ? Optional.of(earlier) : Optional.empty(),
                id -> names.getOrDefault(id, id));
        assertThat(tiers).containsExactly(new ZReport.TierTotal("低保 60+", 1, 1100));
        // the 80+ sale of this shift and the refund of the earlier one cancel out: the tier is left out
    }

    @Test
    void aReversalOfAnUnknownSaleIsReportedBySeq() {
        SalePayload s = sale("T01-000009", 1200, 900, "age80");
        List<SignedRecord> shift = List.of(record(10, ReversalPayload.refunding(9, s, 2, "c", "s", "退")));
        assertThatThrownBy(() -> ShiftTiers.of(shift, seq -> Optional.empty(), id -> id))
                .hasMessageContaining("seq 10").hasMessageContaining("reverses seq 9");
    }

    private static SalePayload sale(String no, long price, long subsidy, String rule) {
        return SalePayload.builder().receiptNo(no).shiftNo(2).cashier("c").elderId("E" + no)
                .identification(IdentificationMethod.CARD).cardUidLast4("00AA").item(SaleItem.of("M", "午餐", 1, price))
                .amounts(price, subsidy, price - subsidy).funderShares(List.of(new FunderShare("city", subsidy)))
                .ruleIds(List.of(rule)).policy("p", "1").paymentMethod("cash").build();
    }

    private static SignedRecord record(long seq, JournalPayload payload) {
        return new SignedRecord(seq, payload.type(), "T01", T.plusMinutes(seq), "0".repeat(64), "1".repeat(64), "k",
                payload.toPayload(), "sig", "line");
    }
}
