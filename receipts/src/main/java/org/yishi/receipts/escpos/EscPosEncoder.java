package org.yishi.receipts.escpos;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst;
import com.github.anastaciocintra.escpos.Style;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.layout.Line;
import org.yishi.receipts.layout.TextSize;

/**
 * Turns a laid-out receipt into ESC/POS bytes with escpos-coffee (styles, GB18030 text, feed, cut, drawer pulse),
 * plus two commands it gets wrong or lacks: {@code FS &} (Chinese mode) and the QR code ({@code GS ( k} with model
 * byte 50, or a {@code GS v 0} raster image). Every command emitted is listed in docs/receipts.md and understood by
 * the test decoder. Thread-safe: it keeps no state between calls.
 */
public final class EscPosEncoder {

    /** The only text encoding: Chinese printers speak GB18030 (GBK for the two-byte part). */
    public static final String CHARSET = "GB18030";
    /** Lines fed before a cut so that the last line clears the cutter blade. */
    static final int FEED_BEFORE_CUT = 4;

    private static final int GS = 0x1D;
    private static final int FS = 0x1C;

    private final PrinterProfile profile;

    public EscPosEncoder(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /**
     * The bytes for a receipt laid out for this profile's paper.
     *
     * @param kickDrawer pulse the cash drawer first, so it opens while the receipt prints
     */
    public byte[] encode(LaidReceipt receipt, boolean kickDrawer) {
        if (receipt.paper() != profile.paper()) {
            throw new IllegalArgumentException("receipt \"" + receipt.title() + "\" is laid out for "
                    + receipt.paper().millimetres() + " mm paper, printer profile " + profile.name() + " has "
                    + profile.paper().millimetres() + " mm");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (EscPos escpos = new EscPos(out)) {
            escpos.setCharsetName(CHARSET);
            escpos.initializePrinter();
            if (profile.chineseMode()) {
                escpos.write(FS).write('&');
            }
            if (kickDrawer) {
                pulseDrawer(escpos, profile);
            }
            for (Line line : receipt.lines()) {
                write(escpos, line);
            }
        } catch (IOException e) {
            // a ByteArrayOutputStream does not fail; a charset problem would be a bug, not a printer condition
            throw new UncheckedIOException("encoding receipt " + receipt.title(), e);
        }
        return out.toByteArray();
    }

    /**
     * {@code ESC p 0 t1 t2}: the drawer pulse on pin 2, on for the profile's pulse and off for twice as long (capped
     * at the command's 255 units). One place, so a receipt's kick and a no-sale kick ({@link DrawerKick}) are alike.
     */
    static void pulseDrawer(EscPos escpos, PrinterProfile profile) throws IOException {
        int units = profile.drawerPulseMs() / 2;
        escpos.pulsePin(EscPos.PinConnector.Pin_2, units, Math.min(255, units * 2));
    }

    private void write(EscPos escpos, Line line) throws IOException {
        if (line instanceof Line.TextLine t) {
            escpos.writeLF(style(t), t.text());
        } else if (line instanceof Line.QrLine q) {
            escpos.write(new Style().setJustification(EscPosConst.Justification.Center), "");
            if (profile.qrMode() == QrMode.NATIVE) {
                nativeQr(escpos, q.payload());
            } else {
                rasterQr(escpos, q.payload());
            }
            escpos.write('\n');
        } else if (line instanceof Line.FeedLine f) {
            escpos.feed(f.lines());
        } else if (line instanceof Line.CutLine) {
            escpos.feed(FEED_BEFORE_CUT);
            if (profile.cutter()) {
                escpos.cut(EscPos.CutMode.PART);
            }
        } else {
            throw new IllegalStateException("unknown line " + line);
        }
    }

    private static Style style(Line.TextLine t) {
        Style style = new Style();
        style.setBold(t.bold());
        style.setJustification(switch (t.align()) {
            case LEFT -> EscPosConst.Justification.Left_Default;
            case CENTER -> EscPosConst.Justification.Center;
            case RIGHT -> EscPosConst.Justification.Right;
        });
        style.setFontSize(t.size() == TextSize.DOUBLE ? Style.FontSize._2 : Style.FontSize._1,
                t.size() == TextSize.NORMAL ? Style.FontSize._1 : Style.FontSize._2);
        return style;
    }

    /** {@code GS ( k}: select model 2 (byte 50), module size, error correction M, store the data, print it. */
    private void nativeQr(EscPos escpos, String payload) throws IOException {
        byte[] data = payload.getBytes(StandardCharsets.US_ASCII);
        qrFunction(escpos, 65, 50, 0);                      // fn 165: model 2
        qrFunction(escpos, 67, profile.qrModuleDots());     // fn 167: module size in dots
        qrFunction(escpos, 69, 49);                         // fn 169: error correction M (48 L, 49 M, 50 Q, 51 H)
        int length = data.length + 3;
        escpos.write(GS).write('(').write('k').write(length & 0xFF).write(length >> 8).write(49).write(80).write(48);
        escpos.write(data, 0, data.length);                 // fn 180: store
        qrFunction(escpos, 81, 48);                         // fn 181: print
    }

    private static void qrFunction(EscPos escpos, int fn, int... params) throws IOException {
        int length = params.length + 2;
        escpos.write(GS).write('(').write('k').write(length).write(0).write(49).write(fn);
        for (int p : params) {
            escpos.write(p);
        }
    }

    /** {@code GS v 0}: the QR as a raster bit image, each module a square of {@code qrModuleDots} dots, with a quiet zone. */
    private void rasterQr(EscPos escpos, String payload) throws IOException {
        QrMatrix matrix = QrMatrix.of(payload);
        int quiet = 4;
        int modules = matrix.size() + 2 * quiet;
        int scale = Math.max(1, Math.min(profile.qrModuleDots(), profile.paper().dots() / modules));
        int widthDots = modules * scale;
        int widthBytes = (widthDots + 7) / 8;
        int heightDots = modules * scale;
        escpos.write(GS).write('v').write('0').write(0)
                .write(widthBytes & 0xFF).write(widthBytes >> 8).write(heightDots & 0xFF).write(heightDots >> 8);
        byte[] row = new byte[widthBytes];
        for (int y = 0; y < heightDots; y++) {
            Arrays.fill(row, (byte) 0);
            int my = y / scale - quiet;
            for (int x = 0; x < widthDots; x++) {
                int mx = x / scale - quiet;
                if (mx >= 0 && my >= 0 && mx < matrix.size() && my < matrix.size() && matrix.dark(mx, my)) {
                    row[x >> 3] |= (byte) (0x80 >> (x & 7));
                }
            }
            escpos.write(row, 0, widthBytes);
        }
    }
}
