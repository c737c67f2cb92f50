package org.yishi.receipts.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yishi.receipts.layout.Line.CutLine;
import org.yishi.receipts.layout.Line.FeedLine;
import org.yishi.receipts.layout.Line.QrLine;
import org.yishi.receipts.layout.Line.TextLine;

/**
 * Lays blocks out for one paper width: cleans text for the printer, wraps, right-aligns amounts, and guarantees
 * that no line is wider than the paper ({@link PrintableText#columns(String)} × size factor ≤ columns). Every
 * document ends with a cut. Not thread-safe (it holds a {@link PrintableText}); make one per thread or per use.
 */
public final class LayoutEngine {

    /** An item name wraps onto at most this many lines, the last cut with "...". */
    public static final int MAX_ITEM_NAME_LINES = 3;
    /** The detail line of an item is indented this much. */
    static final int DETAIL_INDENT = 2;

    private final PaperWidth paper;
    private final PrintableText printable = new PrintableText();

    public LayoutEngine(PaperWidth paper) {
        this.paper = Objects.requireNonNull(paper, "paper");
    }

    public LaidReceipt lay(ReceiptDocument document) {
        List<Line> lines = new ArrayList<>();
        for (Block block : document.blocks()) {
            if (block instanceof Block.Heading h) {
                heading(h, lines);
            } else if (block instanceof Block.Text t) {
                for (String part : PrintableText.wrap(printable.clean(t.text()), paper.columns())) {
                    lines.add(new TextLine(part, t.align(), t.bold(), TextSize.NORMAL));
                }
            } else if (block instanceof Block.LabelValue lv) {
                labelValue(lv, lines);
            } else if (block instanceof Block.Item item) {
                item(item, lines);
            } else if (block instanceof Block.Rule r) {
                lines.add(plain(String.valueOf(r.ch()).repeat(paper.columns())));
            } else if (block instanceof Block.Qr q) {
                lines.add(new QrLine(q.payload()));
            } else if (block instanceof Block.Feed f) {
                lines.add(new FeedLine(f.lines()));
            } else if (block instanceof Block.Cut) {
                lines.add(new CutLine());
            } else {
                throw new IllegalStateException("unknown block " + block);
            }
        }
        if (lines.isEmpty() || !(lines.get(lines.size() - 1) instanceof CutLine)) {
            lines.add(new CutLine());
        }
        return new LaidReceipt(document.title(), paper, lines);
    }

    private void heading(Block.Heading h, List<Line> lines) {
        int width = paper.columns() / h.size().widthFactor();
        for (String part : PrintableText.wrap(printable.clean(h.text()), width)) {
            lines.add(new TextLine(part, Align.CENTER, true, h.size()));
        }
    }

    private void labelValue(Block.LabelValue lv, List<Line> lines) {
        int columns = paper.columns();
        String label = printable.clean(lv.label()).stripTrailing();
        List<String> valueParts = PrintableText.wrap(printable.clean(lv.value()), columns);
        String value = valueParts.get(valueParts.size() - 1);
        int labelWidth = columns - PrintableText.columns(value) - 1;
        if (valueParts.size() > 1 || labelWidth < 4) {
            // a value too wide to share a line: the label on its own, the value right-aligned under it
            PrintableText.wrap(label, columns).forEach(l -> lines.add(styled(l, Align.LEFT, lv.bold())));
            valueParts.forEach(v -> lines.add(styled(v, Align.RIGHT, lv.bold())));
            return;
        }
        List<String> labelParts = PrintableText.wrap(label, labelWidth);
        for (int i = 0; i < labelParts.size() - 1; i++) {
            lines.add(styled(labelParts.get(i), Align.LEFT, lv.bold()));
        }
        lines.add(styled(justify(labelParts.get(labelParts.size() - 1), value, columns), Align.LEFT, lv.bold()));
    }

    private void item(Block.Item item, List<Line> lines) {
        int columns = paper.columns();
        String amount = printable.clean(item.amount()).strip();
        int nameWidth = columns - PrintableText.columns(amount) - 1;
        if (nameWidth < 8) {
            throw new IllegalArgumentException("item amount \"" + amount + "\" leaves no room for the name on "
                    + paper.millimetres() + " mm paper");
        }
        List<String> nameParts = PrintableText.wrap(printable.clean(item.name()), nameWidth);
        if (nameParts.size() > MAX_ITEM_NAME_LINES) {
            List<String> kept = new ArrayList<>(nameParts.subList(0, MAX_ITEM_NAME_LINES - 1));
            String rest = String.join("", nameParts.subList(MAX_ITEM_NAME_LINES - 1, nameParts.size()));
            kept.add(PrintableText.ellipsize(rest, nameWidth));
            nameParts = kept;
        }
        lines.add(plain(justify(nameParts.get(0), amount, columns)));
        nameParts.subList(1, nameParts.size()).forEach(part -> lines.add(plain(part)));
        String detail = printable.clean(item.detail()).strip();
        if (!detail.isEmpty()) {
            lines.add(plain(" ".repeat(DETAIL_INDENT) + PrintableText.ellipsize(detail, columns - DETAIL_INDENT)));
        }
    }

    /** {@code left}, spaces, {@code right}: exactly {@code columns} wide; the caller makes sure both fit. */
    private static String justify(String left, String right, int columns) {
        int gap = columns - PrintableText.columns(left) - PrintableText.columns(right);
        return left + " ".repeat(Math.max(1, gap)) + right;
    }

    private static TextLine plain(String text) {
        return new TextLine(text, Align.LEFT, false, TextSize.NORMAL);
    }

    private static TextLine styled(String text, Align align, boolean bold) {
        return new TextLine(text, align, bold, TextSize.NORMAL);
    }
}
