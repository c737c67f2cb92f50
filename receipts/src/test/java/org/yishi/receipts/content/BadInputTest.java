package org.yishi.receipts.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.Totals;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.escpos.EscPosDecoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

class BadInputTest {

    private final ReceiptRenderer renderer = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), PrinterProfile.generic(PaperWidth.MM58));

    private static SaleReceipt walkIn(SaleItem item) {
        SalePayload sale = SalePayload.builder().receiptNo("T01-000009").shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(item).amounts(item.lineTotalFen(), 0, item.lineTotalFen())
                .policy("p", "1").paymentMethod("cash").build();
        return new SaleReceipt(SampleReceipts.context(), SampleReceipts.sale().record(), sale, "李梅", null, OptionalInt.empty());
    }

    @Test
    void anItemNameGb18030PrintersCannotShowIsPrintedWithSubstitutes() {
        RenderedReceipt r = renderer.render(walkIn(SaleItem.of("X1", "\uD83C番茄🍅炒蛋\u001Bp0", 1, 1200)));
        EscPosDecoder decoded = EscPosDecoder.decode(r.escPos());
        assertThat(decoded.texts()).anySatisfy(t -> assertThat(t).startsWith("?番茄?炒蛋?p0").endsWith("12.00"));
        assertThat(decoded.drawerKicks()).as("only the cash payment's own kick, not one smuggled in the name").hasSize(1);
    }

    @Test
    void anAbsurdSaleAmountStopsThePrintNamingTheReceipt() {
        SaleReceipt huge = walkIn(SaleItem.of("X1", "红烧肉", 1, 150_000_000L)); // ¥1,500,000
        assertThatThrownBy(() -> renderer.render(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T01-000009").hasMessageContaining("1500000.00")
                .hasMessageContaining("beyond the limit of 1000000.00");
    }

    @Test
    void negativeAmountsWhereNoneCanBeAreRefused() {
        assertThatThrownBy(() -> AmountCheck.amount("copayment", "sale T01-000001", -1))
                .hasMessageContaining("sale T01-000001").hasMessageContaining("copayment is negative");
        assertThat(AmountCheck.net("cash difference", "Z", -200)).isEqualTo("-2.00");
    }

    @Test
    void aZReportWithAnAbsurdShiftTotalIsRefused() {
        Totals absurd = new Totals(1, 0, 0, 0, 200_000_000, 0, 200_000_000, new java.util.TreeMap<>(),
                new java.util.TreeMap<>(java.util.Map.of("cash", 200_000_000L)), new java.util.TreeMap<>(), new java.util.TreeMap<>());
        ShiftClosePayload close = new ShiftClosePayload(4, "s", 1, 9, "ab".repeat(32), null, absurd, absurd);
        ZReport z = new ZReport(SampleReceipts.context(), SampleReceipts.sale().record(), close, "王建国", List.of());
        assertThatThrownBy(() -> renderer.render(z)).hasMessageContaining("Z-report of shift 4").hasMessageContaining("price");
    }

    @Test
    void anElderIsNeededUnlessWalkInAndTheNameIsAlwaysMasked() {
        var sample = SampleReceipts.sale();
        assertThatThrownBy(() -> new SaleReceipt(sample.context(), sample.record(), sample.sale(), "李梅", " ", OptionalInt.empty()))
                .hasMessageContaining("elder's name is needed");
        assertThat(new SaleReceipt(sample.context(), sample.record(), sample.sale(), "李梅", "张小华", OptionalInt.empty())
                .elderName()).isEqualTo("张*华");
    }

    @Test
    void aTillIdThatWouldBreakTheQrIsRefused() {
        assertThatThrownBy(() -> new ReceiptContext("食堂", "", "T.01", java.util.Map.of(), java.time.ZoneOffset.UTC))
                .hasMessageContaining("till id");
    }
}
