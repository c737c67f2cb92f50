package org.yishi.till.ui.receipt;

import org.junit.jupiter.api.Test;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.Line;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenReceiptTextTest {

    @Test
    void theScreenShowsTheSameWordsThePaperWouldCarry() {
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.ofMillimetres(58));
        ReceiptRenderer renderer = new ReceiptRenderer(new ReceiptTexts(Locale.SIMPLIFIED_CHINESE), profile);
        var model = SampleReceipts.of(ReceiptKind.SALE, profile);
        RenderedReceipt rendered = renderer.render(model);
        LaidReceipt laid = renderer.lay(model);

        var shown = new ScreenReceiptText().lines(rendered.escPos());

        // Every text line the layout engine laid out appears on screen, in order, with the Chinese intact.
        var expected = laid.lines().stream().filter(l -> l instanceof Line.TextLine)
                .map(l -> ((Line.TextLine) l).text()).map(String::strip).filter(t -> !t.isEmpty()).toList();
        var shownText = shown.stream().map(String::strip).filter(t -> !t.isEmpty()
                && !t.equals(ScreenReceiptText.QR_PLACEHOLDER) && !t.equals(ScreenReceiptText.IMAGE_PLACEHOLDER)).toList();
        assertThat(shownText).containsSubsequence(expected);
        assertThat(String.join("\n", shown)).contains("补贴");
        assertThat(shown).contains(ScreenReceiptText.QR_PLACEHOLDER);
    }
}
