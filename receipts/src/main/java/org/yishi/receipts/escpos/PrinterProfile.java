package org.yishi.receipts.escpos;

import java.util.Objects;
import org.yishi.receipts.layout.PaperWidth;

/**
 * What the encoder needs to know about one printer model. Text is always GB18030 (two-byte part only, see
 * {@link org.yishi.receipts.layout.PrintableText}).
 *
 * @param name           shown on the test page, e.g. "generic 80 mm"
 * @param paper          roll width
 * @param chineseMode    send {@code FS &} after initialising: Chinese-firmware printers that start in a
 *                       single-byte code page need it, or GB18030 bytes print as accented Latin garbage
 * @param qrMode         native {@code GS ( k} or raster image
 * @param qrModuleDots   dots per QR module, 1..16 (6 gives a ~25 mm code for a receipt QR on 8-dot/mm heads)
 * @param cutter         whether the printer has a cutter ({@code GS V}); without one the encoder only feeds
 * @param drawerPulseMs  the drawer kick pulse ({@code ESC p 0}), 2..510 ms in steps of 2
 */
public record PrinterProfile(String name, PaperWidth paper, boolean chineseMode, QrMode qrMode, int qrModuleDots,
        boolean cutter, int drawerPulseMs) {

    public PrinterProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(qrMode, "qrMode");
        if (qrModuleDots < 1 || qrModuleDots > 16) {
            throw new IllegalArgumentException("printer profile " + name + ": qrModuleDots must be 1..16, not " + qrModuleDots);
        }
        if (drawerPulseMs < 2 || drawerPulseMs > 510) {
            throw new IllegalArgumentException("printer profile " + name + ": drawerPulseMs must be 2..510, not " + drawerPulseMs);
        }
    }

    /** A typical Chinese 58 or 80 mm printer (Xprinter, GPrinter...): Chinese mode on, native QR, cutter. */
    public static PrinterProfile generic(PaperWidth paper) {
        return new PrinterProfile("generic " + paper.millimetres() + " mm", paper, true, QrMode.NATIVE,
                paper == PaperWidth.MM58 ? 5 : 6, true, 100);
    }

    /** The same printer with a different paper width. */
    public PrinterProfile withPaper(PaperWidth other) {
        return new PrinterProfile(name, other, chineseMode, qrMode, qrModuleDots, cutter, drawerPulseMs);
    }

    /** The same printer with a different QR mode. */
    public PrinterProfile withQrMode(QrMode other) {
        return new PrinterProfile(name, paper, chineseMode, other, qrModuleDots, cutter, drawerPulseMs);
    }
}
