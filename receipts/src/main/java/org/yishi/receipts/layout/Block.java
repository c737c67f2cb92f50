package org.yishi.receipts.layout;

import java.util.Objects;

/**
 * One piece of a receipt (or any slip: later, delivery route sheets) before layout. Blocks say what to show;
 * {@link LayoutEngine} decides where lines break for a paper width. All text is user-visible text from resource
 * bundles or data; it is cleaned for the printer ({@link PrintableText}) during layout.
 */
public sealed interface Block {

    /** A heading, centred and bold; {@code size} enlarges it (long headings wrap at the reduced width). */
    record Heading(String text, TextSize size) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(size, "size");
        }
    }

    /** Running text, wrapped at the paper width. */
    record Text(String text, Align align, boolean bold) implements Block {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
        }

        public static Text left(String text) {
            return new Text(text, Align.LEFT, false);
        }

        public static Text centred(String text) {
            return new Text(text, Align.CENTER, false);
        }
    }

    /**
     * "label ........ value" on one line, the value right-aligned (amounts). A label too long for the line wraps
     * onto lines above the value; the value is never cut.
     */
    record LabelValue(String label, String value, boolean bold) implements Block {
        public LabelValue {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        public static LabelValue of(String label, String value) {
            return new LabelValue(label, value, false);
        }
    }

    /**
     * A sold item: the name (wrapped to at most {@link LayoutEngine#MAX_ITEM_NAME_LINES} lines, then cut with an
     * ellipsis) with its line total right-aligned on the first line, and an indented detail line
     * (e.g. "2 × 6.00") when {@code detail} is not empty.
     */
    record Item(String name, String detail, String amount) implements Block {
        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** A full-width rule made of {@code ch} (ASCII). */
    record Rule(char ch) implements Block {
        public Rule {
            if (ch < 0x21 || ch > 0x7E) {
                throw new IllegalArgumentException("a rule is drawn with a visible ASCII character, not U+"
                        + Integer.toHexString(ch));
            }
        }
    }

    /** A QR code, centred; {@code payload} is ASCII (printers and scanners agree on nothing else). */
    record Qr(String payload) implements Block {
        public Qr {
            Objects.requireNonNull(payload, "payload");
            if (payload.isEmpty() || payload.length() > 300 || !payload.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("a receipt QR payload is 1..300 printable ASCII characters: \"" + payload + "\"");
            }
        }
    }

    /** Blank lines. */
    record Feed(int lines) implements Block {
        public Feed {
            if (lines < 1 || lines > 10) {
                throw new IllegalArgumentException("feed 1..10 lines, not " + lines);
            }
        }
    }

    /** Feed and cut the paper here (the engine also ends every document with one). */
    record Cut() implements Block {
    }
}
