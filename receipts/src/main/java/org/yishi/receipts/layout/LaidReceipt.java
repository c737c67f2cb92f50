package org.yishi.receipts.layout;

import java.util.List;
import java.util.Objects;

/** A receipt laid out for one paper width: what the ESC/POS encoder and the preview both draw. */
public record LaidReceipt(String title, PaperWidth paper, List<Line> lines) {
    public LaidReceipt {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(paper, "paper");
        lines = List.copyOf(lines);
    }
}
