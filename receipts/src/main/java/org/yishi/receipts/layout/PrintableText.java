package org.yishi.receipts.layout;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text as a Chinese thermal printer will really print it.
 *
 * <p>Printers with Chinese firmware print every byte below 0x80 from the 12×24 ASCII font (one column) and every
 * two-byte GB18030 (GBK) character from the 24×24 Chinese font (two columns), whatever Unicode thinks of its width: "×", "·",
 * "é" and "…" are narrow for {@link TextWidth} (a terminal) but full-width on paper. Most printers have no font for
 * GB18030's four-byte part (CJK extension B, emoji). So printable text is: printable ASCII, and characters GB18030 encodes in two bytes
 * (the GBK set); everything else is replaced before layout, and columns are counted the printer's way (1 for ASCII,
 * 2 for the rest), never less than {@link TextWidth} counts.
 *
 * <p>Replacements: tab and line breaks become a space; other control characters (an ESC in an item name would be
 * a printer command), lone surrogates, emoji and characters outside the two-byte set become {@value #REPLACEMENT}; accents
 * that GBK lacks are dropped when the bare letter is ASCII (Zoë → Zoe); zero-width joiners and variation
 * selectors vanish. Instances are not thread-safe (they hold a charset encoder); they are cheap to make.
 */
public final class PrintableText {

    /** What stands in for a character the printer cannot show. */
    public static final char REPLACEMENT = '?';

    private final CharsetEncoder gb18030 = Charset.forName("GB18030").newEncoder();
    private final char[] one = new char[1];

    /** The text with every character the printer cannot show replaced (see the class comment). */
    public String clean(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            appendPrintable(cp, out);
        }
        return out.toString();
    }

    private void appendPrintable(int cp, StringBuilder out) {
        if (cp >= 0x20 && cp < 0x7F) {
            out.append((char) cp);
        } else if (cp == '\t' || cp == '\n' || cp == '\r') {
            out.append(' ');
        } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)) {
            // zero-width and variation selectors: invisible, and after an emoji's replacement they would add noise
        } else if (Character.isSpaceChar(cp)) {
            out.append(' ');
        } else if (Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF)) {
            // controls could be printer commands; lone surrogates are broken text; private-use code points map
            // to GB18030's user-defined area, which no printer font fills
            out.append(REPLACEMENT);
        } else if (cp <= 0xFFFF && twoByteGb18030((char) cp)) {
            out.append((char) cp);
        } else {
            out.append(asciiBase(cp));
        }
    }

    private boolean twoByteGb18030(char c) {
        one[0] = c;
        gb18030.reset();
        try {
            return gb18030.encode(CharBuffer.wrap(one)).remaining() == 2;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String asciiBase(int cp) {
        String stripped = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return stripped.length() == 1 && stripped.charAt(0) >= 0x20 && stripped.charAt(0) < 0x7F
                ? stripped : String.valueOf(REPLACEMENT);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Printer columns of one character of cleaned text: 1 for ASCII, 2 for the rest. */
    public static int columns(int codePoint) {
        return codePoint < 0x80 ? 1 : Math.max(2, TextWidth.of(codePoint));
    }

    /** Printer columns of cleaned text. */
    public static int columns(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += columns(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The longest prefix of {@code text} that fits in {@code width} columns, never splitting a character. */
    public static String truncate(String text, int width) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (used + columns(cp) > width) {
                break;
            }
            used += columns(cp);
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    /** {@code text} cut to {@code width} columns, ending in "..." when something was cut. */
    public static String ellipsize(String text, int width) {
        if (columns(text) <= width) {
            return text;
        }
        if (width <= 3) {
            return ".".repeat(Math.max(0, width));
        }
        return truncate(text, width - 3).stripTrailing() + "...";
    }

    /**
     * Breaks {@code text} into lines of at most {@code width} columns. Latin words are kept whole when they fit
     * a line; Chinese breaks between any two characters. Leading spaces (an indent) stay on the first line.
     * Never returns an empty list (an empty text is one empty
     * line), never a line wider than {@code width}.
     */
    public static List<String> wrap(String text, int width) {
        if (width < 2) {
            throw new IllegalArgumentException("cannot wrap into " + width + " columns");
        }
        List<String> lines = new ArrayList<>();
        String rest = text.stripTrailing();
        while (columns(rest) > width) {
            String head = truncate(rest, width);
            int cut = head.length();
            boolean midWord = cut < rest.length() && isWordChar(rest.charAt(cut)) && isWordChar(head.charAt(cut - 1));
            if (midWord) {
                int space = head.lastIndexOf(' ');
                if (space > 0) {
                    cut = space;
                }
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 && c != ' ';
    }
}
