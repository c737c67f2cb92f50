package org.yishi.receipts.layout;

/** Character size of a printed line (GS !): double width halves the columns available. */
public enum TextSize {
    NORMAL(1, 1), DOUBLE_HEIGHT(1, 2), DOUBLE(2, 2);

    private final int widthFactor;
    private final int heightFactor;

    TextSize(int widthFactor, int heightFactor) {
        this.widthFactor = widthFactor;
        this.heightFactor = heightFactor;
    }

    public int widthFactor() {
        return widthFactor;
    }

    public int heightFactor() {
        return heightFactor;
    }
}
