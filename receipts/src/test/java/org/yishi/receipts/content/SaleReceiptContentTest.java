package org.yishi.receipts.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.yishi.cardreader.qr.CardStatusLookup;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.cardreader.qr.QrRefusal;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.cardreader.qr.QrVerdict;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.escpos.EscPosDecoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.escpos.QrMode;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

/** What a sale receipt must and must not show (issue 4, item 3), checked on the decoded bytes. */
class SaleReceiptContentTest {

    private static EscPosDecoder print(ReceiptModel model, PrinterProfile profile) {
        return EscPosDecoder.decode(new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile).render(model).escPos());
    }

    @Test
    void showsTheMaskedElderCardTailAndNeverTheFullNameOrIds() {
        EscPosDecoder d = print(SampleReceipts.sale(), PrinterProfile.generic(PaperWidth.MM80));
        String all = String.join("\n", d.texts());
        assertThat(all).contains("欧**华").contains("3F2A").doesNotContain("欧阳小华").doesNotContain("E-440118-0007");
        assertThat(all).contains("阳光长者食堂").contains("T01-000042").contains("李梅").contains("2025-03-12 11:32:05");
        assertThat(all).contains("12349").contains("020-3888 1234").contains("今日剩余补贴餐次");
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("  市财政").endsWith("3.00"));
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("自付").endsWith("4.00"));
        assertThat(d.lines()).filteredOn(l -> l.text().startsWith("自付")).allSatisfy(l -> assertThat(l.bold()).isTrue());
        assertThat(d.lines().get(1)).satisfies(title -> {
            assertThat(title.text()).isEqualTo("消费小票");
            assertThat(title.widthFactor()).isEqualTo(2);
            assertThat(title.heightFactor()).isEqualTo(2);
            assertThat(title.align()).isEqualTo('C');
        });
    }

    @Test
    void theQrNamesTillSequenceAndHashPrefixAndIsNoElderToken() throws Exception {
        SaleReceipt sale = SampleReceipts.sale();
        EscPosDecoder d = print(sale, PrinterProfile.generic(PaperWidth.MM58));
        String expected = "YSR1.T01.42." + sale.record().hash().substring(0, 12);
        assertThat(d.qrPayloads()).containsExactly(expected);
        assertThat(d.events()).contains("@qr model=2 size=5 ecc=M align=C data=" + expected);

        QrTokenVerifier verifier = new QrTokenVerifier(Map.of("k", QrKeys.generate().getPublic()),
                Clock.fixed(Instant.parse("2025-03-12T03:32:05Z"), ZoneOffset.UTC), Duration.ofMinutes(2), CardStatusLookup.none());
        QrVerdict verdict = verifier.verify(expected);
        assertThat(verdict).isInstanceOf(QrVerdict.Refused.class);
        assertThat(((QrVerdict.Refused) verdict).reason()).isEqualTo(QrRefusal.WRONG_KIND);
    }

    @Test
    void aRasterQrDecodesToTheSamePayload() {
        SaleReceipt sale = SampleReceipts.sale();
        for (PaperWidth paper : PaperWidth.values()) {
            EscPosDecoder d = print(sale, PrinterProfile.generic(paper).withQrMode(QrMode.RASTER));
            assertThat(d.qrPayloads()).containsExactly(VerificationCode.of("T01", sale.record()));
            assertThat(d.events()).noneMatch(e -> e.startsWith("@qr model"));
            assertThat(d.events()).anyMatch(e -> e.startsWith("@raster ") && e.contains("align=C"));
        }
    }

    @Test
    void onlyCashWithSomethingToPayOpensTheDrawer() {
        SaleReceipt sample = SampleReceipts.sale();
        RenderedReceipt cash = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), PrinterProfile.generic(PaperWidth.MM58)).render(sample);
        assertThat(cash.kicksDrawer()).isTrue();
        assertThat(EscPosDecoder.decode(cash.escPos()).drawerKicks()).containsExactly("@drawer pin=2 on=100ms off=200ms");

        SalePayload fullySubsidised = SalePayload.builder().receiptNo("T01-000050").shiftNo(3).cashier("c").elderId("E1")
                .identification(IdentificationMethod.QR).item(SaleItem.of("M", "午餐", 1, 500)).amounts(500, 500, 0)
                .funderShares(List.of(new FunderShare("city", 500))).ruleIds(List.of("r")).policy("p", "1")
                .paymentMethod("cash").build();
        SaleReceipt free = new SaleReceipt(sample.context(), sample.record(), fullySubsidised, "李梅", "张三", OptionalInt.empty());
        assertThat(free.kicksDrawer()).isFalse();
        EscPosDecoder d = print(free, PrinterProfile.generic(PaperWidth.MM58));
        assertThat(d.drawerKicks()).isEmpty();
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("识别方式").endsWith("扫码"));
        assertThat(d.texts()).noneMatch(t -> t.startsWith("今日剩余补贴餐次"));
    }

    @Test
    void aWalkInIsSaidSoAndGetsNoSubsidyLines() {
        SalePayload walkIn = SalePayload.builder().receiptNo("T01-000051").shiftNo(3).cashier("c")
                .identification(IdentificationMethod.WALK_IN).item(SaleItem.of("M", "午餐", 1, 1500)).amounts(1500, 0, 1500)
                .policy("p", "1").paymentMethod("wechat").build();
        SaleReceipt r = new SaleReceipt(SampleReceipts.context(), SampleReceipts.sale().record(), walkIn, "李梅", null, OptionalInt.empty());
        EscPosDecoder d = print(r, PrinterProfile.generic(PaperWidth.MM58));
        assertThat(d.texts()).contains("散客（无补贴）").noneMatch(t -> t.startsWith("补贴"));
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("支付方式").endsWith("微信支付"));
        assertThat(r.kicksDrawer()).isFalse();
    }

    @Test
    void aReprintIsMarkedWithItsCountAtTopAndBottom() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM58);
        EscPosDecoder d = print(SampleReceipts.of(ReceiptKind.REPRINT, profile), profile);
        assertThat(d.texts().get(0)).isEqualTo("重打印");
        assertThat(d.texts()).filteredOn("第 2 次重打印"::equals).hasSize(2);
        assertThat(d.texts()).contains("** 重打印，非原始小票 **");
        assertThat(d.drawerKicks()).as("a reprint moves no money").isEmpty();
        assertThat(d.qrPayloads()).as("the QR still verifies the original sale").containsExactly(
                VerificationCode.of("T01", SampleReceipts.sale().record()));
    }

    @Test
    void aRefundNamesTheOriginalReceipt() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM80);
        EscPosDecoder d = print(SampleReceipts.of(ReceiptKind.REFUND, profile), profile);
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("原小票号").endsWith("T01-000042"));
        assertThat(d.texts()).contains("退款小票");
        assertThat(d.texts()).anySatisfy(t -> assertThat(t).startsWith("退款金额").endsWith("4.00"));
    }

    @Test
    void aVoidCanBeReprintedAndAReprintMustNameTheRecordItReprints() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM80);
        ReversalReceipt voided = (ReversalReceipt) SampleReceipts.of(ReceiptKind.VOID, profile);
        ReprintReceipt again = new ReprintReceipt(voided, new JournalRef(70, voided.record().time().plusMinutes(9),
                "cd".repeat(32)), new org.yishi.core.journal.ReprintPayload(voided.record().seq(), 1, "c", "长者要求"), "李梅");
        EscPosDecoder d = print(again, profile);
        assertThat(d.texts()).contains("重打印", "作废小票", "第 1 次重打印");
        assertThat(d.drawerKicks()).as("a reprinted void pays nothing out again").isEmpty();
        assertThat(again.receiptId()).isEqualTo("T01-000043-R1");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReprintReceipt(voided, again.record(),
                new org.yishi.core.journal.ReprintPayload(42, 1, "c", "x"), "李梅"))
                .hasMessageContaining("reprint names seq 42").hasMessageContaining("seq 43");
    }
}
