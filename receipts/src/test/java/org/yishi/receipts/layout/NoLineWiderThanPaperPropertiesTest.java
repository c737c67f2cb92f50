package org.yishi.receipts.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

/**
 * Whatever the item names — Chinese, mixed, very long, emoji, control characters, lone surrogates — no printed line
 * is wider than the paper, counted from the bytes by the decoder (a multi-byte character is two columns) and by
 * {@link TextWidth}, and no stray control byte reaches the printer (the strict decoder would fail).
 */
class NoLineWiderThanPaperPropertiesTest {

    @Property(tries = 300)
    void randomItemNamesNeverRunPastThePaper(@ForAll("nameLists") List<String> names,
            @ForAll("paper") PaperWidth paper) {
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

    @Property(tries = 500)
    void wrapNeverReturnsALineWiderThanAsked(@ForAll("names") String text, @ForAll("widths") int width) {
        String clean = new PrintableText().clean(text);
        assertThat(PrintableText.wrap(clean, width)).allSatisfy(line ->
                assertThat(PrintableText.columns(line)).isLessThanOrEqualTo(width));
        assertThat(String.join("", PrintableText.wrap(clean, width)).replace(" ", ""))
                .as("wrapping loses no character").isEqualTo(clean.replace(" ", ""));
    }

    @Provide
    Arbitrary<List<String>> nameLists() {
        return names().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<PaperWidth> paper() {
        return Arbitraries.of(PaperWidth.class);
    }

    @Provide
    Arbitrary<Integer> widths() {
        return Arbitraries.integers().between(2, 48);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> chinese = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(60);
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(50);
        Arbitrary<String> anything = Arbitraries.strings().ofMinLength(1).ofMaxLength(40); // any char, surrogates included
        Arbitrary<String> special = Arbitraries.of("🍚红烧肉🍖", "\u001B\u0070\u0000\u0019\u00FA", "\uD800鸡蛋", "Zoë · 番茄炒蛋 × 2…",
                "𠀀𠀁𪚥", "\u200D\uFE0F", "鱼香肉丝" + "\t\n\r" + "饭", "ｆｕｌｌ　ｗｉｄｔｈ", "\uE000私用区");
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, chinese), net.jqwik.api.Tuple.of(3, ascii), net.jqwik.api.Tuple.of(2, words),
                net.jqwik.api.Tuple.of(2, anything), net.jqwik.api.Tuple.of(2, special));
        return piece.list().ofMinSize(1).ofMaxSize(4).map(parts -> {
            List<String> all = new ArrayList<>(parts);
            return String.join("", all);
        }).filter(s -> !s.isBlank() && !new PrintableText().clean(s).isBlank());
    }

}
