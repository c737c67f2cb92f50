package org.yishi.receipts.preview;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.escpos.QrMatrix;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.layout.Line;
import org.yishi.receipts.layout.PrintableText;

/**
 * Draws a laid-out receipt as the printer would, one image pixel per printer dot: the 12×24-dot character grid
 * (ASCII one cell, Chinese two), the same alignment, bold and sizes, the QR code with the profile's module size,
 * feeds, and a dashed line where the cutter cuts. For the till's on-screen preview, the docs and a "no printer"
 * demo. Thread-safe.
 */
public final class ReceiptPreview {

    /** One text column in dots (the printer's font A). */
    public static final int CELL_WIDTH = 12;
    /** One text line in dots, spacing included. */
    public static final int LINE_HEIGHT = 30;
    static final int MARGIN = 16;
    static final int QR_QUIET_MODULES = 4;

    private final PrinterProfile profile;
    private final PreviewFont font;

    public ReceiptPreview(PrinterProfile profile, PreviewFont font) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.font = Objects.requireNonNull(font, "font");
    }

    /** With the best installed CJK font. */
    public ReceiptPreview(PrinterProfile profile) {
        this(profile, PreviewFont.find());
    }

    public PreviewFont font() {
        return font;
    }

    public BufferedImage draw(LaidReceipt receipt) {
        if (receipt.paper() != profile.paper()) {
            throw new IllegalArgumentException("receipt is laid out for " + receipt.paper().millimetres()
                    + " mm paper, the preview's profile has " + profile.paper().millimetres() + " mm");
        }
        int width = profile.paper().dots() + 2 * MARGIN;
        BufferedImage image = new BufferedImage(width, height(receipt), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            for (Line line : receipt.lines()) {
                y = drawLine(g, line, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws and writes a PNG. */
    public void writePng(LaidReceipt receipt, Path png) throws IOException {
        if (!ImageIO.write(draw(receipt), "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    private int height(LaidReceipt receipt) {
        int h = 2 * MARGIN;
        for (Line line : receipt.lines()) {
            h += lineHeight(line);
        }
        return h;
    }

    private int lineHeight(Line line) {
        if (line instanceof Line.TextLine t) {
            return LINE_HEIGHT * t.size().heightFactor();
        }
        if (line instanceof Line.QrLine q) {
            return qrSide(q) + LINE_HEIGHT / 2;
        }
        if (line instanceof Line.FeedLine f) {
            return LINE_HEIGHT * f.lines();
        }
        return LINE_HEIGHT * 2; // the cut: the feed before the blade and the dashed line
    }

    private int qrSide(Line.QrLine q) {
        int modules = QrMatrix.of(q.payload()).size() + 2 * QR_QUIET_MODULES;
        return modules * moduleDots(modules);
    }

    private int moduleDots(int modules) {
        return Math.max(1, Math.min(profile.qrModuleDots(), profile.paper().dots() / modules));
    }

    private int drawLine(Graphics2D g, Line line, int y) {
        if (line instanceof Line.TextLine t) {
            drawText(g, t, y);
        } else if (line instanceof Line.QrLine q) {
            drawQr(g, q, y);
        } else if (line instanceof Line.CutLine) {
            int cutY = y + LINE_HEIGHT * 3 / 2;
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            g.setColor(Color.GRAY);
            g.drawLine(0, cutY, MARGIN * 2 + profile.paper().dots(), cutY);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke());
        }
        return y + lineHeight(line);
    }

    private void drawText(Graphics2D g, Line.TextLine t, int y) {
        int wf = t.size().widthFactor();
        int hf = t.size().heightFactor();
        int lineDots = PrintableText.columns(t.text()) * CELL_WIDTH * wf;
        int paperDots = profile.paper().dots();
        int x = MARGIN + switch (t.align()) {
            case LEFT -> 0;
            case CENTER -> (paperDots - lineDots) / 2;
            case RIGHT -> paperDots - lineDots;
        };
        Font base = font.font().deriveFont(t.bold() ? Font.BOLD : Font.PLAIN);
        g.setFont(base.deriveFont(AffineTransform.getScaleInstance(wf, hf)));
        int baseline = y + (LINE_HEIGHT - 6) * hf;
        for (int i = 0; i < t.text().length(); ) {
            int cp = t.text().codePointAt(i);
            int cells = PrintableText.columns(cp);
            String ch = new String(Character.toChars(cp));
            // each character centred in its own cell(s), as the printer's fixed-pitch fonts place it
            int glyph = g.getFontMetrics().stringWidth(ch);
            int cellDots = cells * CELL_WIDTH * wf;
            g.drawString(ch, x + (cellDots - glyph) / 2, baseline);
            x += cellDots;
            i += Character.charCount(cp);
        }
    }

    private void drawQr(Graphics2D g, Line.QrLine q, int y) {
        QrMatrix matrix = QrMatrix.of(q.payload());
        int modules = matrix.size() + 2 * QR_QUIET_MODULES;
        int dots = moduleDots(modules);
        int side = modules * dots;
        int x0 = MARGIN + (profile.paper().dots() - side) / 2 + QR_QUIET_MODULES * dots;
        int y0 = y + QR_QUIET_MODULES * dots;
        for (int my = 0; my < matrix.size(); my++) {
            for (int mx = 0; mx < matrix.size(); mx++) {
                if (matrix.dark(mx, my)) {
                    g.fillRect(x0 + mx * dots, y0 + my * dots, dots, dots);
                }
            }
        }
    }
}
