package org.yishi.receipts.layout;

import java.util.Objects;

/**
 * One laid-out line of a receipt, ready for an encoder (ESC/POS) or a preview (PNG). Text lines hold cleaned text
 * that fits the paper at their size; nothing downstream wraps or cuts.
 */
public sealed interface Line {

    /** Printed text: fits {@code PaperWidth.columns() / size.widthFactor()} printer columns. */
    record TextLine(String text, Align align, boolean bold, TextSize size) implements Line {
        public TextLine {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
            Objects.requireNonNull(size, "size");
        }

        /** Columns it takes on paper, size included. */
        public int columns() {
            return PrintableText.columns(text) * size.widthFactor();
        }
    }

    /** A centred QR code of an ASCII payload. */
    record QrLine(String payload) implements Line {
        public QrLine {
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** Blank lines. */
    record FeedLine(int lines) implements Line {
    }

    /** Feed to the cutter and cut. */
    record CutLine() implements Line {
    }
}
