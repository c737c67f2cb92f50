package org.yishi.till.ui.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * The text lines of a receipt's ESC/POS bytes, for the on-screen preview of a till without a printer: what the
 * paper would say, without styles. Knows the commands the receipts encoder sends; a QR code or raster image
 * shows as a placeholder line, an unknown command byte is skipped rather than failing (this is a view, the
 * golden tests in receipts check the bytes strictly).
 */
public final class ScreenReceiptText {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Shown where the paper would carry the receipt's QR code. */
    public static final String QR_PLACEHOLDER = "[QR]";
    /** Shown where the paper would carry a raster image. */
    public static final String IMAGE_PLACEHOLDER = "[image]";

    public List<String> lines(byte[] escPos) {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < escPos.length) {
            int c = escPos[i] & 0xFF;
            if (c == 0x0A) {
                lines.add(text.toString(GB18030));
                text.reset();
                i++;
            } else if (c == 0x1B) {
                i += escLength(escPos, i);
            } else if (c == 0x1D) {
                int next = at(escPos, i + 1);
                if (next == '(' && at(escPos, i + 2) == 'k') {
                    int len = at(escPos, i + 3) + 256 * at(escPos, i + 4);
                    // Function 181 (print the stored symbol) is where the QR shows on paper.
                    if (len == 3 && at(escPos, i + 6) == 81) {
                        lines.add(QR_PLACEHOLDER);
                    }
                    i += 5 + len;
                } else if (next == 'v' && at(escPos, i + 2) == '0') {
                    int width = at(escPos, i + 4) + 256 * at(escPos, i + 5);
                    int height = at(escPos, i + 6) + 256 * at(escPos, i + 7);
                    lines.add(IMAGE_PLACEHOLDER);
                    i += 8 + width * height;
                } else if (next == 'V') {
                    int m = at(escPos, i + 2);
                    i += (m == 65 || m == 66) ? 4 : 3;
                } else {
                    i += 3;
                }
            } else if (c == 0x1C) {
                i += 2;
            } else if (c < 0x20) {
                i++;
            } else {
                text.write(c);
                i++;
            }
        }
        if (text.size() > 0) {
            lines.add(text.toString(GB18030));
        }
        return lines;
    }

    private static int escLength(byte[] b, int i) {
        int cmd = at(b, i + 1);
        switch (cmd) {
            case '@':
            case '2':
                return 2;
            case 'p':
                return 5;
            default:
                return 3;
        }
    }

    private static int at(byte[] b, int i) {
        return i < b.length ? b[i] & 0xFF : 0;
    }
}
