package org.yishi.admin.cardface;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/**
 * A one-page PDF exactly the size of an ID-1 card with the rendered face as its only content, so a card printer
 * prints it 1:1. The face is embedded as a lossless PNG image (not text) so the PDF needs no embedded CJK font and
 * looks the same on every viewer. No elder data goes into the PDF's metadata.
 */
public final class CardPdf {

    /** ID-1 width in PDF points (1/72 in). */
    public static final float WIDTH_PT = (float) (CardFaceRenderer.WIDTH_MM / 25.4 * 72);
    /** ID-1 height in PDF points. */
    public static final float HEIGHT_PT = (float) (CardFaceRenderer.HEIGHT_MM / 25.4 * 72);

    private CardPdf() {
    }

    /** Writes the face as a PDF to {@code out} (not closed). */
    public static void write(BufferedImage face, OutputStream out) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(face, "png", png)) {
            throw new IOException("no PNG writer available");
        }
        Rectangle page = new Rectangle(WIDTH_PT, HEIGHT_PT);
        Document document = new Document(page, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addCreator("Yishi card print");
            document.open();
            Image image = Image.getInstance(png.toByteArray());
            image.scaleAbsolute(WIDTH_PT, HEIGHT_PT);
            image.setAbsolutePosition(0, 0);
            document.add(image);
        } catch (DocumentException e) {
            throw new IOException("cannot build the card PDF: " + e.getMessage(), e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }
}
