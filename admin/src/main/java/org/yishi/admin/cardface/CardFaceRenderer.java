package org.yishi.admin.cardface;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Objects;
import org.yishi.cardreader.qr.QrImages;

/**
 * Draws a card face at 300 dpi on ID-1 (85.6 × 54 mm = 1011 × 638 px): a title band, the elder's details on the
 * left, the QR code on the right (about 7 px, 0.6 mm, a module: easy for a counter scanner), the hotline at the
 * bottom. Text that would run into the QR code is set smaller rather than cut off.
 */
public final class CardFaceRenderer {

    public static final int DPI = 300;
    public static final double WIDTH_MM = 85.6;
    public static final double HEIGHT_MM = 54.0;
    public static final int WIDTH_PX = (int) Math.round(WIDTH_MM / 25.4 * DPI);
    public static final int HEIGHT_PX = (int) Math.round(HEIGHT_MM / 25.4 * DPI);

    private static final int MARGIN = 40;
    private static final int BAND = 110;
    private static final int QR_SIZE = 400;
    private static final int LABEL_X = MARGIN;
    private static final int VALUE_X = 210;
    private static final Color BAND_COLOR = new Color(0xA8, 0x1E, 0x1E);
    private static final Color LABEL_COLOR = new Color(0x55, 0x55, 0x55);

    private final Font font;

    /** @param font a font that displays the card's text (see {@link CjkFontChooser}) */
    public CardFaceRenderer(Font font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    /**
     * Renders the face.
     *
     * @throws IllegalArgumentException if the font cannot display some of the text
     */
    public BufferedImage render(CardFaceText text) {
        int missing = font.canDisplayUpTo(text.allText());
        if (missing != -1) {
            throw new IllegalArgumentException("font " + font.getFamily() + " cannot display \""
                    + text.allText().charAt(missing) + "\"");
        }
        BufferedImage image = new BufferedImage(WIDTH_PX, HEIGHT_PX, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH_PX, HEIGHT_PX);
            g.setColor(BAND_COLOR);
            g.fillRect(0, 0, WIDTH_PX, BAND);
            g.setColor(Color.WHITE);
            drawFitted(g, text.title(), MARGIN, 78, WIDTH_PX - 2 * MARGIN, font.deriveFont(Font.BOLD, 56f));

            int qrX = WIDTH_PX - MARGIN - QR_SIZE + 20;
            int valueWidth = qrX - VALUE_X - 10;
            // The QR image carries its own white quiet zone, so it may sit close to the band.
            g.drawImage(QrImages.render(text.token(), QR_SIZE), qrX, BAND + 10, null);

            row(g, text.nameLabel(), text.name(), 200, valueWidth, font.deriveFont(Font.BOLD, 52f));
            Font value = font.deriveFont(Font.PLAIN, 34f);
            row(g, text.idLabel(), text.maskedResidentId(), 270, valueWidth, value);
            row(g, text.districtLabel(), text.district(), 330, valueWidth, value);
            row(g, text.cardLabel(), text.cardLast4(), 390, valueWidth, value);
            row(g, text.issuedLabel(), text.issued(), 450, valueWidth, value);

            g.setColor(BAND_COLOR);
            g.fillRect(0, HEIGHT_PX - 70, WIDTH_PX, 4);
            g.setColor(LABEL_COLOR);
            drawFitted(g, text.hotline(), MARGIN, HEIGHT_PX - 24, WIDTH_PX - 2 * MARGIN, font.deriveFont(Font.PLAIN, 30f));
        } finally {
            g.dispose();
        }
        return image;
    }

    private void row(Graphics2D g, String label, String value, int baseline, int valueWidth, Font valueFont) {
        g.setColor(LABEL_COLOR);
        drawFitted(g, label, LABEL_X, baseline, VALUE_X - LABEL_X - 10, font.deriveFont(Font.PLAIN, 28f));
        g.setColor(Color.BLACK);
        drawFitted(g, value, VALUE_X, baseline, valueWidth, valueFont);
    }

    /** Draws text at its size, or smaller until it fits {@code maxWidth} (a long name must not run under the QR). */
    private static void drawFitted(Graphics2D g, String text, int x, int baseline, int maxWidth, Font start) {
        Font f = start;
        FontMetrics metrics = g.getFontMetrics(f);
        while (metrics.stringWidth(text) > maxWidth && f.getSize2D() > 12f) {
            f = f.deriveFont(f.getSize2D() - 2f);
            metrics = g.getFontMetrics(f);
        }
        g.setFont(f);
        g.drawString(text, x, baseline);
    }
}
