package org.yishi.receipts.layout;

/** Horizontal alignment of a printed line (ESC a 0/1/2). */
public enum Align {
    LEFT, CENTER, RIGHT
}
