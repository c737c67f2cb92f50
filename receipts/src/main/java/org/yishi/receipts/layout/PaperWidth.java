package org.yishi.receipts.layout;

/**
 * Thermal paper rolls: columns of the standard 12×24-dot font (a Chinese character takes two) and printable dots.
 */
public enum PaperWidth {
    MM58(58, 32, 384),
    MM80(80, 48, 576);

    private final int millimetres;
    private final int columns;
    private final int dots;

    PaperWidth(int millimetres, int columns, int dots) {
        this.millimetres = millimetres;
        this.columns = columns;
        this.dots = dots;
    }

    public int millimetres() {
        return millimetres;
    }

    /** Text columns at normal size. */
    public int columns() {
        return columns;
    }

    /** Printable dots across (8 dots per mm). */
    public int dots() {
        return dots;
    }

    /** 58 or 80. */
    public static PaperWidth ofMillimetres(int mm) {
        for (PaperWidth p : values()) {
            if (p.millimetres == mm) {
                return p;
            }
        }
        throw new IllegalArgumentException("paper width must be 58 or 80 mm, not " + mm);
    }
}
