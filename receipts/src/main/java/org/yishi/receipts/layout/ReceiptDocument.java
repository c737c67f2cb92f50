package org.yishi.receipts.layout;

import java.util.List;
import java.util.Objects;

/**
 * A receipt (or any slip) as blocks, before layout.
 *
 * @param title  what it is, for error messages and logs (e.g. "sale receipt T01-000012")
 * @param blocks what to print, in order; at least one block that shows something
 */
public record ReceiptDocument(String title, List<Block> blocks) {
    public ReceiptDocument {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        boolean showsSomething = blocks.stream().anyMatch(ReceiptDocument::showsSomething);
        if (!showsSomething) {
            throw new IllegalArgumentException("empty receipt: \"" + title + "\" has no text, item or QR code to print ("
                    + blocks.size() + " blocks)");
        }
    }

    private static boolean showsSomething(Block b) {
        if (b instanceof Block.Heading h) {
            return !h.text().isBlank();
        }
        if (b instanceof Block.Text t) {
            return !t.text().isBlank();
        }
        if (b instanceof Block.LabelValue lv) {
            return !lv.label().isBlank() || !lv.value().isBlank();
        }
        return b instanceof Block.Item || b instanceof Block.Qr;
    }
}
