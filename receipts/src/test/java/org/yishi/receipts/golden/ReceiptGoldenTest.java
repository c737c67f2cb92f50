package org.yishi.receipts.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.EscPosDecoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

/**
 * Every receipt kind on both paper widths, encoded to ESC/POS, decoded by the strict test decoder and compared
 * line by line with src/test/resources/golden/KIND-WIDTH[-en].txt (how to read them: docs/receipts.md). A changed
 * layout fails here with the first differing line; after checking the new output by eye, regenerate with
 * {@code -Dgolden.update=true} and review the diff in git.
 */
class ReceiptGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> kindsAndWidths() {
        List<Arguments> all = new ArrayList<>();
        for (ReceiptKind kind : ReceiptKind.values()) {
            if (kind == ReceiptKind.DRAWER_KICK) {
                continue; // prints nothing: DrawerKickTest checks its bytes
            }
            for (PaperWidth paper : PaperWidth.values()) {
                all.add(Arguments.of(kind, paper, "zh"));
            }
        }
        all.add(Arguments.of(ReceiptKind.SALE, PaperWidth.MM58, "en"));
        all.add(Arguments.of(ReceiptKind.Z_REPORT, PaperWidth.MM80, "en"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} on {1} ({2})")
    @MethodSource("kindsAndWidths")
    void decodedBytesMatchTheGoldenFileLineByLine(ReceiptKind kind, PaperWidth paper, String lang) throws IOException {
        PrinterProfile profile = PrinterProfile.generic(paper);
        ReceiptModel model = SampleReceipts.of(kind, profile);
        RenderedReceipt rendered = new ReceiptRenderer(ReceiptTexts.forLanguage(lang), profile).render(model);
        EscPosDecoder decoded = EscPosDecoder.decode(rendered.escPos());

        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + paper.millimetres()
                + ("en".equals(lang) ? "-en" : "") + ".txt";
        Path file = GOLDEN.resolve(name);
        List<String> actual = decoded.events();
        if (Boolean.getBoolean("golden.update")) {
            Files.write(file, actual, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; run with -Dgolden.update=true, then check it by eye");
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < Math.min(expected.size(), actual.size()); n++) {
            assertThat(actual.get(n)).as("%s line %d", name, n + 1).isEqualTo(expected.get(n));
        }
        assertThat(actual).as("%s line count", name).hasSameSizeAs(expected);
    }

    @ParameterizedTest(name = "{0} on {1} ({2})")
    @MethodSource("kindsAndWidths")
    void everyReceiptIsWellFormedAndFitsThePaper(ReceiptKind kind, PaperWidth paper, String lang) {
        PrinterProfile profile = PrinterProfile.generic(paper);
        ReceiptModel model = SampleReceipts.of(kind, profile);
        RenderedReceipt rendered = new ReceiptRenderer(ReceiptTexts.forLanguage(lang), profile).render(model);
        EscPosDecoder decoded = EscPosDecoder.decode(rendered.escPos());

        assertThat(rendered.kind()).isEqualTo(kind);
        assertThat(rendered.receiptId()).isEqualTo(model.receiptId());
        assertThat(decoded.events().get(0)).isEqualTo("@init");
        assertThat(decoded.chineseMode()).isTrue();
        assertThat(decoded.events().get(decoded.events().size() - 1)).isEqualTo("@cut partial");
        assertThat(decoded.cuts()).isEqualTo(1);
        assertThat(decoded.lines()).allSatisfy(line ->
                assertThat(line.paperColumns()).as("line \"%s\"", line.text()).isLessThanOrEqualTo(paper.columns()));
        assertThat(decoded.qrPayloads()).hasSize(1);
        assertThat(decoded.qrPayloads().get(0)).matches("YSR1\\.T01\\.\\d+\\.[0-9a-f]{12}");
        assertThat(decoded.drawerKicks()).hasSize(rendered.kicksDrawer() ? 1 : 0);
        assertThat(rendered.kicksDrawer()).isEqualTo(kind == ReceiptKind.SALE || kind == ReceiptKind.VOID
                || kind == ReceiptKind.REFUND); // the sample sale is paid in cash
    }
}
