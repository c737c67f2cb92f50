package org.yishi.receipts.layout;

/**
 * Column width of text on a thermal printer: CJK ideographs and full-width forms take two columns, ASCII one.
 * A 58 mm roll has 32 columns, an 80 mm roll 48; nothing may run past them.
 */
public final class TextWidth {
    private TextWidth() {
    }

    /** Columns one code point takes. */
    public static int of(int codePoint) {
        if (codePoint < 0x1100) {
            return 1;
        }
        if ((codePoint <= 0x115F) // Hangul Jamo
                || (codePoint >= 0x2E80 && codePoint <= 0xA4CF && codePoint != 0x303F) // CJK radicals .. Yi
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3) // Hangul syllables
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF) // CJK compatibility ideographs
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F) // CJK compatibility forms
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60) // full-width forms
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD)) { // CJK extensions B..
            return 2;
        }
        return 1;
    }

    /** Columns a string takes. */
    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The longest prefix that fits in {@code columns}, never splitting a character. */
    public static String truncate(String text, int columns) {
        int width = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (width + of(cp) > columns) {
                break;
            }
            width += of(cp);
            i += Character.charCount(cp);
        }
        return text.substring(0, i);
    }

    /** {@code left} and {@code right} on one line of {@code columns}, the right part right-aligned; the left is cut to fit. */
    public static String justify(String left, String right, int columns) {
        int rightWidth = of(right);
        if (rightWidth >= columns) {
            return truncate(right, columns);
        }
        String l = truncate(left, columns - rightWidth - 1);
        return l + " ".repeat(columns - of(l) - rightWidth) + right;
    }

    /** {@code text} cut or padded with spaces to exactly {@code columns}. */
    public static String padRight(String text, int columns) {
        String t = truncate(text, columns);
        return t + " ".repeat(columns - of(t));
    }

    /** {@code text} cut, or padded on the left with spaces, to exactly {@code columns}: for amounts. */
    public static String padLeft(String text, int columns) {
        String t = truncate(text, columns);
        return " ".repeat(columns - of(t)) + t;
    }
}
