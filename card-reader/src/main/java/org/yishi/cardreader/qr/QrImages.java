package org.yishi.cardreader.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * QR codes as images through ZXing, both ways: PNGs an administrator prints, and camera frames or photos a till
 * without a scanner decodes. UTF-8 is declared both ways, or Chinese text comes back as "??".
 */
public final class QrImages {

    private static final Map<EncodeHintType, Object> ENCODE_HINTS = Map.of(
            EncodeHintType.CHARACTER_SET, "UTF-8",
            // M survives a worn or partly covered card print and still fits a token in version 8.
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);
    private static final Map<DecodeHintType, Object> DECODE_HINTS = Map.of(
            DecodeHintType.CHARACTER_SET, "UTF-8",
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    /**
     * For an image that is nothing but the code (a PNG written by {@code qr issue}): ZXing's finder-pattern search
     * misses a few clean codes now and then (module patterns that look like extra finder patterns), while reading it
     * as a pure barcode does not.
     */
    private static final Map<DecodeHintType, Object> PURE_HINTS = Map.of(
            DecodeHintType.CHARACTER_SET, "UTF-8",
            DecodeHintType.PURE_BARCODE, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

    /** Frames with a longer side than this are also tried at half size (a webcam frame is 1280 px, a phone photo 3000-4000). */
    static final int LARGE_FRAME_PX = 800;
    /** Frames up to this size are, as a last attempt, tried at double size. */
    static final int UPSCALE_LIMIT_PX = 1600;

    private QrImages() {
    }

    /** Renders text as a black-on-white QR code about {@code sizePx} square. */
    public static BufferedImage render(String text, int sizePx) {
        if (sizePx < 21) {
            throw new IllegalArgumentException("a QR image needs at least 21 pixels, not " + sizePx);
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePx, sizePx, ENCODE_HINTS);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code (" + text.length() + " chars)", e);
        }
    }

    /** Writes text as a QR code PNG. */
    public static void write(String text, Path png, int sizePx) throws IOException {
        BufferedImage image = render(text, sizePx);
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer available for " + png);
        }
    }

    /**
     * The text of the QR code in an image (a camera frame, a photo), or empty if none is found.
     *
     * <p>Tries, until one reads: the hybrid (local-threshold) binarizer, which copes with uneven light and glare; the
     * global-histogram binarizer, which copes better with blur and low resolution; both again on the inverted image
     * (a phone in dark mode shows light modules on black); and, for a frame larger than
     * {@value #LARGE_FRAME_PX} px, all of that on a half-size copy, where JPEG noise and sensor grain average out.
     * A clean image reads at the first attempt, so the extra attempts cost only when the first one fails.
     */
    public static Optional<String> decode(BufferedImage image) {
        Optional<String> text = decodeAtScale(image);
        BufferedImage current = image;
        while (text.isEmpty() && Math.max(current.getWidth(), current.getHeight()) > LARGE_FRAME_PX) {
            current = resize(current, 0.5);
            text = decodeAtScale(current);
        }
        if (text.isEmpty() && Math.max(image.getWidth(), image.getHeight()) <= UPSCALE_LIMIT_PX) {
            text = decodeAtScale(resize(image, 2.0));
        }
        return text;
    }

    private static Optional<String> decodeAtScale(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        for (LuminanceSource luminance : List.of(source, new InvertedLuminanceSource(source))) {
            for (Binarizer binarizer : List.of(new HybridBinarizer(luminance),
                    new GlobalHistogramBinarizer(luminance))) {
                Optional<String> text = decode(new BinaryBitmap(binarizer));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> decode(BinaryBitmap bitmap) {
        Optional<String> found = decode(bitmap, DECODE_HINTS);
        return found.isPresent() ? found : decode(bitmap, PURE_HINTS);
    }

    private static Optional<String> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            // A checksum or format error: a QR code is there but unreadable; for the till that is "no code".
            return Optional.empty();
        }
    }

    private static BufferedImage resize(BufferedImage image, double factor) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage half = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = half.createGraphics();
        // Bilinear averaging is the point: it smooths the noise that defeats the binarizers at full size.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return half;
    }

    /**
     * The text of the QR code in an image file, or empty if none is found.
     *
     * @throws IOException if the file cannot be read or is not an image
     */
    public static Optional<String> decode(Path image) throws IOException {
        if (!Files.isReadable(image)) {
            throw new IOException("cannot read image " + image);
        }
        BufferedImage read = ImageIO.read(image.toFile());
        if (read == null) {
            throw new IOException("not an image ImageIO can read: " + image);
        }
        return decode(read);
    }
}
