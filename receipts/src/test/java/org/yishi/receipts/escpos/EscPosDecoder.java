package org.yishi.receipts.escpos;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A strict decoder for the ESC/POS subset the encoder emits: it fails on any byte it does not understand, so a
 * stray command (or a control character leaking from an item name) breaks the golden tests. It turns the stream
 * into one line of text per event — printed lines with their alignment, weight and size, and {@code @}-lines for
 * commands — that golden files compare line by line. Text is decoded as GB18030; columns are counted from the
 * bytes as the printer counts them (a byte below 0x80 is one column, a multi-byte character two), independently
 * of the layout code.
 */
public final class EscPosDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** One printed text line. */
    public record PrintedLine(String text, char align, boolean bold, int widthFactor, int heightFactor, int columns) {
        /** Columns on paper, size included. */
        public int paperColumns() {
            return columns * widthFactor;
        }
    }

    private final byte[] b;
    private int i;
    private final List<String> events = new ArrayList<>();
    private final List<PrintedLine> lines = new ArrayList<>();
    private final List<String> qrPayloads = new ArrayList<>();
    private final List<String> drawerKicks = new ArrayList<>();
    private int cuts;
    private boolean chineseMode;
    private boolean initialised;

    private char align = 'L';
    private boolean bold;
    private int widthFactor = 1;
    private int heightFactor = 1;
    private final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
    private int textColumns;

    // QR state between GS ( k functions
    private int qrModel = -1;
    private int qrSize = -1;
    private char qrEcc = '?';
    private String qrStored;

    private EscPosDecoder(byte[] bytes) {
        this.b = bytes;
    }

    public static EscPosDecoder decode(byte[] bytes) {
        EscPosDecoder d = new EscPosDecoder(bytes);
        d.run();
        return d;
    }

    /** Every event as one line: what golden files hold. */
    public List<String> events() {
        return events;
    }

    public List<PrintedLine> lines() {
        return lines;
    }

    /** Printed text lines, text only. */
    public List<String> texts() {
        return lines.stream().map(PrintedLine::text).toList();
    }

    public List<String> qrPayloads() {
        return qrPayloads;
    }

    public List<String> drawerKicks() {
        return drawerKicks;
    }

    public int cuts() {
        return cuts;
    }

    public boolean chineseMode() {
        return chineseMode;
    }

    private void run() {
        while (i < b.length) {
            int c = u(i);
            if (c == 0x1B) {
                esc();
            } else if (c == 0x1D) {
                gs();
            } else if (c == 0x1C) {
                fs();
            } else if (c == 0x0A) {
                i++;
                endLine();
            } else if (c < 0x20 || c == 0x7F) {
                fail("unknown control byte");
            } else {
                textByte();
            }
        }
        if (text.size() > 0) {
            fail("text not ended by LF at the end of the stream");
        }
    }

    private void textByte() {
        if (!initialised) {
            fail("text before ESC @");
        }
        int c = u(i);
        int length;
        if (c < 0x80) {
            length = 1;
        } else if (c >= 0x81 && c <= 0xFE && i + 1 < b.length && u(i + 1) >= 0x30 && u(i + 1) <= 0x39) {
            length = 4;
        } else if (c >= 0x81 && c <= 0xFE) {
            length = 2;
        } else {
            fail("byte 0x80 or 0xFF is not GB18030 text");
            return;
        }
        need(length);
        text.write(b, i, length);
        textColumns += length == 1 ? 1 : 2;
        i += length;
    }

    private void endLine() {
        String decoded;
        try {
            decoded = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("line " + lines.size() + " is not valid GB18030: " + e);
        }
        PrintedLine line = new PrintedLine(decoded, align, bold, widthFactor, heightFactor, textColumns);
        lines.add(line);
        String size = widthFactor == 2 ? "D" : heightFactor == 2 ? "H" : ".";
        events.add("" + align + (bold ? 'B' : '.') + size + "|" + decoded + "|");
        text.reset();
        textColumns = 0;
    }

    private void styleChange() {
        if (text.size() > 0) {
            fail("style changed in the middle of a line");
        }
    }

    private void esc() {
        need(2);
        int cmd = u(i + 1);
        switch (cmd) {
            case '@' -> {
                initialised = true;
                align = 'L';
                bold = false;
                widthFactor = 1;
                heightFactor = 1;
                events.add("@init");
                i += 2;
            }
            case 'M', '-' -> { // font A, no underline: the encoder always sends 0 or '0'
                need(3);
                styleChange();
                if (u(i + 2) != 0 && u(i + 2) != 48) {
                    fail("font/underline other than 0");
                }
                i += 3;
            }
            case 'E' -> {
                need(3);
                styleChange();
                bold = (u(i + 2) & 1) == 1;
                i += 3;
            }
            case 'a' -> {
                need(3);
                styleChange();
                int n = u(i + 2);
                align = switch (n) {
                    case 0, 48 -> 'L';
                    case 1, 49 -> 'C';
                    case 2, 50 -> 'R';
                    default -> {
                        fail("ESC a " + n);
                        yield '?';
                    }
                };
                i += 3;
            }
            case '2' -> i += 2; // default line spacing
            case '3' -> {
                need(3);
                i += 3;
            }
            case 'd' -> {
                need(3);
                styleChange();
                events.add("@feed " + u(i + 2));
                i += 3;
            }
            case 'p' -> {
                need(5);
                int pin = u(i + 2);
                if (pin != 0 && pin != 1 && pin != 48 && pin != 49) {
                    fail("ESC p pin " + pin);
                }
                String kick = "@drawer pin=" + (pin % 48 == 0 ? 2 : 5) + " on=" + (u(i + 3) * 2) + "ms off=" + (u(i + 4) * 2) + "ms";
                drawerKicks.add(kick);
                events.add(kick);
                i += 5;
            }
            default -> fail("unknown ESC command");
        }
    }

    private void gs() {
        need(2);
        int cmd = u(i + 1);
        switch (cmd) {
            case '!' -> {
                need(3);
                styleChange();
                int n = u(i + 2);
                widthFactor = (n >> 4) + 1;
                heightFactor = (n & 0x0F) + 1;
                if (widthFactor > 2 || heightFactor > 2) {
                    fail("GS ! beyond double size");
                }
                i += 3;
            }
            case 'B' -> {
                need(3);
                if (u(i + 2) != 0) {
                    fail("reverse printing");
                }
                i += 3;
            }
            case 'V' -> {
                need(3);
                styleChange();
                int m = u(i + 2);
                String mode = switch (m) {
                    case 0, 48 -> "full";
                    case 1, 49 -> "partial";
                    default -> {
                        fail("GS V " + m);
                        yield "?";
                    }
                };
                cuts++;
                events.add("@cut " + mode);
                i += 3;
            }
            case '(' -> qr();
            case 'v' -> raster();
            default -> fail("unknown GS command");
        }
    }

    private void fs() {
        need(2);
        int cmd = u(i + 1);
        if (cmd == '&') {
            chineseMode = true;
            events.add("@chinese-mode on");
        } else if (cmd == '.') {
            chineseMode = false;
            events.add("@chinese-mode off");
        } else {
            fail("unknown FS command");
        }
        i += 2;
    }

    private void qr() {
        need(7);
        if (u(i + 2) != 'k') {
            fail("GS ( other than k");
        }
        int length = u(i + 3) | (u(i + 4) << 8);
        need(5 + length);
        int cn = u(i + 5);
        int fn = u(i + 6);
        if (cn != 49) {
            fail("GS ( k symbol " + cn + " is not QR (49)");
        }
        int p = i + 7;
        switch (fn) {
            case 65 -> {
                if (length != 4) {
                    fail("QR model function length");
                }
                qrModel = switch (u(p)) {
                    case 49 -> 1;
                    case 50 -> 2;
                    default -> {
                        fail("QR model byte " + u(p) + " (Epson wants 49 or 50)");
                        yield -1;
                    }
                };
            }
            case 67 -> qrSize = u(p);
            case 69 -> qrEcc = "LMQH".charAt(u(p) - 48);
            case 80 -> {
                if (u(p) != 48) {
                    fail("QR store m");
                }
                qrStored = new String(b, p + 1, length - 3, StandardCharsets.US_ASCII);
            }
            case 81 -> {
                if (qrStored == null || qrModel < 0 || qrSize < 0) {
                    fail("QR printed before model, size and data were sent");
                }
                qrPayloads.add(qrStored);
                events.add("@qr model=" + qrModel + " size=" + qrSize + " ecc=" + qrEcc + " align=" + align + " data=" + qrStored);
                qrStored = null;
            }
            default -> fail("QR function " + fn);
        }
        i += 5 + length;
    }

    private void raster() {
        need(8);
        if (u(i + 2) != '0' || u(i + 3) != 0) {
            fail("GS v other than 0 / normal density");
        }
        int widthBytes = u(i + 4) | (u(i + 5) << 8);
        int height = u(i + 6) | (u(i + 7) << 8);
        need(8 + widthBytes * height);
        int widthDots = widthBytes * 8;
        BufferedImage image = new BufferedImage(widthDots, height, BufferedImage.TYPE_BYTE_GRAY);
        int p = i + 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < widthDots; x++) {
                boolean dark = (b[p + y * widthBytes + (x >> 3)] & (0x80 >> (x & 7))) != 0;
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        i += 8 + widthBytes * height;
        String payload;
        try {
            payload = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("raster image at byte " + i + " (" + widthDots + "x" + height + ") holds no readable QR code", e);
        }
        qrPayloads.add(payload);
        events.add("@raster " + widthDots + "x" + height + " align=" + align + " qr=" + payload);
    }

    private int u(int at) {
        return b[at] & 0xFF;
    }

    private void need(int count) {
        if (i + count > b.length) {
            fail("command truncated (needs " + count + " bytes)");
        }
    }

    private void fail(String why) {
        StringBuilder hex = new StringBuilder();
        for (int k = i; k < Math.min(b.length, i + 8); k++) {
            hex.append(String.format("%02X ", b[k]));
        }
        throw new AssertionError("ESC/POS byte " + i + ": " + why + " [" + hex.toString().trim() + "]");
    }
}
