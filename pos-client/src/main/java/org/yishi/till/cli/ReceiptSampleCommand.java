package org.yishi.till.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.preview.ReceiptPreview;
import org.yishi.receipts.sample.SampleReceipts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi receipt sample --kind sale --width 58 --out sale.bin|sale.png}: a sample receipt from the built-in
 * lunchtime sample — raw ESC/POS bytes for {@code .bin} (send them to a printer with {@code nc HOST 9100 < sale.bin}
 * or {@code cat sale.bin > /dev/usb/lp0}), the preview for {@code .png}.
 */
@Command(name = "sample", description = "Write a sample receipt: ESC/POS bytes (.bin) or a PNG preview (.png).")
final class ReceiptSampleCommand implements Callable<Integer> {

    @ParentCommand
    private ReceiptCommand parent;

    @Mixin
    private SampleReceiptOptions sample;

    @Option(names = "--out", required = true, description = "File to write: .bin for ESC/POS bytes, .png for the preview.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        YishiCommand root = parent.root();
        CliMessages m = root.messages();
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".bin")) {
            root.err().println(m.get("receipt.badExtension", out));
            return 2;
        }
        ReceiptKind receiptKind;
        PrinterProfile profile;
        try {
            receiptKind = sample.receiptKind();
            profile = sample.profile();
        } catch (IllegalArgumentException e) {
            root.err().println(m.get("receipt.badOption", e.getMessage()));
            return 2;
        }
        ReceiptModel model = SampleReceipts.of(receiptKind, profile);
        ReceiptRenderer renderer = new ReceiptRenderer(ReceiptTexts.forLanguage(root.language()), profile);
        if (png) {
            ReceiptPreview preview = new ReceiptPreview(profile);
            preview.font().warning().ifPresent(w -> root.err().println(m.get("receipt.fontWarning", w)));
            preview.writePng(renderer.lay(model), out);
            root.out().println(m.get("receipt.writtenPng", out.toAbsolutePath(), sample.kind, sample.width, preview.font().font().getFamily()));
        } else {
            RenderedReceipt rendered = renderer.render(model);
            Files.write(out, rendered.escPos());
            root.out().println(m.get("receipt.writtenBin", out.toAbsolutePath(), sample.kind, sample.width, rendered.escPos().length,
                    rendered.kicksDrawer() ? m.get("receipt.drawerYes") : m.get("receipt.drawerNo")));
        }
        return 0;
    }
}
