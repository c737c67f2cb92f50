package org.yishi.receipts.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.JournalRef;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.content.SaleReceipt;
import org.yishi.receipts.escpos.EscPosDecoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.sample.SampleReceipts;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

/**
 * Whatever the item names — Chinese, mixed, very long, emoji, control characters, lone surrogates — no printed line
 * is wider than the paper, counted from the bytes by the decoder (a multi-byte character is two columns) and by
 * {@link TextWidth}, and no stray control byte reaches the printer (the strict decoder would fail).
 */
class NoLineWiderThanPaperPropertiesTest {

    private static final Gen<String> NAMES = names();

    record Sale(List<String> names, PaperWidth paper) {
    }

    record Wrap(String text, int width) {
    }

    @PropertyTest(tries = 300)
    void randomItemNamesNeverRunPastThePaper(long seed) {
        Cases.check(seed, Gen.zip(NAMES.list(1, 4), Gen.enums(PaperWidth.class), Sale::new), c -> renderedFits(c.names(), c.paper()));
    }

    private static void renderedFits(List<String> names, PaperWidth paper) {
        SalePayload.Builder sale = SalePayload.builder().receiptNo("T01-000007").shiftNo(1).cashier("c")
                .identification(IdentificationMethod.WALK_IN).policy("p", "1").paymentMethod("wechat");
        long total = 0;
        for (int n = 0; n < names.size(); n++) {
            long price = 100 + 1_000L * n;
            sale.item(SaleItem.of("I" + n, names.get(n), n + 1, price));
            total += (n + 1) * price;
        }
        sale.amounts(total, 0, total);
        SaleReceipt receipt = new SaleReceipt(SampleReceipts.context(), new JournalRef(7, SampleReceipts.sale().record().time(),
                "ab".repeat(32)), sale.build(), "王" + names.get(0), null, OptionalInt.empty());
        RenderedReceipt rendered = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), PrinterProfile.generic(paper))
                .render(receipt);

        EscPosDecoder decoded = EscPosDecoder.decode(rendered.escPos());
        assertThat(decoded.lines()).allSatisfy(line -> {
            assertThat(line.paperColumns()).as("\"%s\"", line.text()).isLessThanOrEqualTo(paper.columns());
            assertThat(TextWidth.of(line.text()) * line.widthFactor()).isLessThanOrEqualTo(paper.columns());
            assertThat(line.text()).doesNotContain("\uFFFD");
        });
        assertThat(decoded.qrPayloads()).containsExactly("YSR1.T01.7.abababababab");
    }

    @PropertyTest(tries = 500)
    void wrapNeverReturnsALineWiderThanAsked(long seed) {
        Cases.check(seed, Gen.zip(NAMES, Gen.ints(2, 48), Wrap::new), c -> wrapFits(c.text(), c.width()));
    }

    private static void wrapFits(String text, int width) {
        String clean = new PrintableText().clean(text);
        assertThat(PrintableText.wrap(clean, width)).allSatisfy(line ->
                assertThat(PrintableText.columns(line)).isLessThanOrEqualTo(width));
        assertThat(String.join("", PrintableText.wrap(clean, width)).replace(" ", ""))
                .as("wrapping loses no character").isEqualTo(clean.replace(" ", ""));
    }

    private static Gen<String> names() {
        Gen<String> chinese = Gen.strings(Gen.chars('\u4E00', '\u9FA5'), 1, 60);
        Gen<String> ascii = Gen.strings(Gen.chars(' ', '~'), 1, 80);
        Gen<String> words = Gen.strings(Gen.oneOfGens(Gen.chars('a', 'z'), Gen.chars('A', 'Z')), 1, 50);
        Gen<String> anything = Gen.anyStrings(1, 40); // any char, surrogates included
        Gen<String> special = Gen.oneOf("🍚红烧肉🍖", "\u001B\u0070\u0000\u0019\u00FA", "\uD800鸡蛋", "Zoë · 番茄炒蛋 × 2…",
                "𠀀𠀁𪚥", "\u200D\uFE0F", "鱼香肉丝" + "\t\n\r" + "饭", "ｆｕｌｌ　ｗｉｄｔｈ", "\uE000私用区");
        Gen<String> piece = Gen.frequency(
                Gen.weighted(4, chinese), Gen.weighted(3, ascii), Gen.weighted(2, words),
                Gen.weighted(2, anything), Gen.weighted(2, special));
        return piece.list(1, 4).map(parts -> String.join("", parts))
                .filter(s -> !s.isBlank() && !new PrintableText().clean(s).isBlank());
    }
}
