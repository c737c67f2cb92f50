package org.yishi.receipts.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.PaperWidth;
import org.yishi.receipts.sample.SampleReceipts;

/**
 * What the till spends after a sale is committed and before the bytes go to the printer queue: compose the sample
 * sale receipt (2 items, 3 funders), lay it out, encode ESC/POS with a native QR. The raster QR variant adds the QR
 * matrix and bit image. Target: p99 well under 5 ms (a printer takes ~1 s to print it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 5)
public class ReceiptRenderBench {

    @Param({"MM58", "MM80"})
    public PaperWidth paper;

    private ReceiptRenderer renderer;
    private ReceiptRenderer rasterRenderer;
    private ReceiptModel sale;

    @Setup
    public void setUp() {
        PrinterProfile profile = PrinterProfile.generic(paper);
        renderer = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile);
        rasterRenderer = new ReceiptRenderer(ReceiptTexts.forLanguage("zh"), profile.withQrMode(org.yishi.receipts.escpos.QrMode.RASTER));
        sale = SampleReceipts.of(ReceiptKind.SALE, profile);
    }

    @Benchmark
    public byte[] renderAndEncodeSale() {
        return renderer.render(sale).escPos();
    }

    @Benchmark
    public byte[] renderAndEncodeSaleRasterQr() {
        return rasterRenderer.render(sale).escPos();
    }
}
