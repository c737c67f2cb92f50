package org.yishi.receipts.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.content.VerificationCode;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.layout.Line;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

/** Needs a CJK font installed (Debian fonts-wqy-microhei); without one the font assertions fail, saying so. */
class ReceiptPreviewTest {

    @TempDir
    Path dir;

    private static String decodeQr(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void theQrOnThePreviewPngDecodesToTheReceiptsPayload(PaperWidth paper) throws Exception {
        PrinterProfile profile = PrinterProfile.generic(paper);
        ReceiptModel sale = SampleReceipts.of(ReceiptKind.SALE, profile);
        LaidReceipt laid = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile).lay(sale);
        Path png = dir.resolve("sale.png");
        new ReceiptPreview(profile).writePng(laid, png);

        BufferedImage read = ImageIO.read(png.toFile());
        assertThat(read.getWidth()).isEqualTo(paper.dots() + 2 * ReceiptPreview.MARGIN);
        assertThat(decodeQr(read)).isEqualTo(VerificationCode.of("T01", SampleReceipts.sale().record()));
        assertThat(Files.size(png)).isGreaterThan(1000);
    }

    @ParameterizedTest
    @EnumSource(value = ReceiptKind.class, names = "DRAWER_KICK", mode = EnumSource.Mode.EXCLUDE) // prints no text
    void everyChineseLineIsDrawnWithAFontThatHasItsGlyphs(ReceiptKind kind) {
        PreviewFont font = PreviewFont.find();
        assertThat(font.warning()).as("a CJK font must be installed (fonts-wqy-microhei)").isEmpty();
        PrinterProfile profile = PrinterProfile.generic(PaperWidth.MM58);
        LaidReceipt laid = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile)
                .lay(SampleReceipts.of(kind, profile));
        assertThat(laid.lines()).filteredOn(Line.TextLine.class::isInstance)
                .map(l -> ((Line.TextLine) l).text())
                .allSatisfy(text -> assertThat(font.font().canDisplayUpTo(text)).as("\"%s\"", text).isEqualTo(-1));
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void theTitleIsInkedWhereTheLayoutPutsIt(PaperWidth paper) {
        PrinterProfile profile = PrinterProfile.generic(paper);
        LaidReceipt laid = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile)
                .lay(SampleReceipts.of(ReceiptKind.SALE, profile));
        BufferedImage image = new ReceiptPreview(profile).draw(laid);
        // first line: the canteen name, centred, double height: ink in the middle, none at the paper's edges
        int top = ReceiptPreview.MARGIN;
        int bottom = top + 2 * ReceiptPreview.LINE_HEIGHT;
        assertThat(darkPixels(image, image.getWidth() / 2 - 60, image.getWidth() / 2 + 60, top, bottom)).isGreaterThan(200);
        assertThat(darkPixels(image, 0, ReceiptPreview.MARGIN + 20, top, bottom)).isZero();
    }

    private static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
        int dark = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
