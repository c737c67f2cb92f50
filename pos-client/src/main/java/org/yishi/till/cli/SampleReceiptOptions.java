package org.yishi.till.cli;

import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.escpos.QrMode;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;
import picocli.CommandLine.Option;

/** Which sample receipt, on which paper: shared by {@code receipt sample} and {@code receipt print}. */
final class SampleReceiptOptions {

    @Option(names = "--kind", defaultValue = "sale", description = "sale, void, refund, reprint, zreport or test. Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--width", defaultValue = "80", description = "Paper width in mm: 58 or 80. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--qr", defaultValue = "native", description = "QR as native (GS ( k) or raster (GS v 0). Default: ${DEFAULT-VALUE}.")
    String qr;

    /** @throws IllegalArgumentException naming the bad option value */
    ReceiptKind receiptKind() {
        return SampleReceipts.kindNamed(kind);
    }

    /** @throws IllegalArgumentException naming the bad option value */
    PrinterProfile profile() {
        if (!"native".equalsIgnoreCase(qr) && !"raster".equalsIgnoreCase(qr)) {
            throw new IllegalArgumentException("--qr must be native or raster, not \"" + qr + "\"");
        }
        return PrinterProfile.generic(PaperWidth.ofMillimetres(width))
                .withQrMode("raster".equalsIgnoreCase(qr) ? QrMode.RASTER : QrMode.NATIVE);
    }
}
