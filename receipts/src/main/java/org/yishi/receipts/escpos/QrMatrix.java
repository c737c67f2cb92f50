package org.yishi.receipts.escpos;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;

/**
 * The modules of a receipt QR code (error correction M, no quiet zone), as the raster encoder and the preview
 * draw it. ZXing's encoder is used directly so both get exactly one module grid.
 */
public final class QrMatrix {

    /** Error correction M: survives a crease or a smudge on thermal paper. */
    public static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;

    private final boolean[][] dark;

    private QrMatrix(boolean[][] dark) {
        this.dark = dark;
    }

    public static QrMatrix of(String payload) {
        try {
            ByteMatrix m = Encoder.encode(payload, LEVEL, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
            boolean[][] dark = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    dark[y][x] = m.get(x, y) == 1;
                }
            }
            return new QrMatrix(dark);
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR payload does not fit a QR code (" + payload.length() + " chars)", e);
        }
    }

    /** Modules per side. */
    public int size() {
        return dark.length;
    }

    public boolean dark(int x, int y) {
        return dark[y][x];
    }
}
