package org.yishi.receipts.content;

import java.util.List;
import java.util.Objects;
import org.yishi.receipts.layout.Block;
import org.yishi.receipts.layout.ReceiptDocument;

/**
 * Turns any receipt model into blocks in one language. Checks amounts on the way (absurd ones are refused with
 * the receipt and field named). Thread-safe.
 */
public final class ReceiptComposer {

    private final SaleComposer sales;
    private final ReversalComposer reversals;
    private final ReprintComposer reprints;
    private final ZReportComposer zReports;
    private final TestPageComposer testPages;

    public ReceiptComposer(ReceiptTexts texts) {
        Objects.requireNonNull(texts, "texts");
        CommonBlocks common = new CommonBlocks(texts);
        this.sales = new SaleComposer(texts, common);
        this.reversals = new ReversalComposer(texts, common);
        this.reprints = new ReprintComposer(texts, common);
        this.zReports = new ZReportComposer(texts, common);
        this.testPages = new TestPageComposer(texts, common);
    }

    public ReceiptDocument compose(ReceiptModel model) {
        return new ReceiptDocument(model.kind() + " " + model.receiptId(), blocks(model));
    }

    private List<Block> blocks(ReceiptModel model) {
        if (model instanceof SaleReceipt s) {
            return sales.blocks(s);
        }
        if (model instanceof ReversalReceipt r) {
            return reversals.blocks(r);
        }
        if (model instanceof ReprintReceipt r) {
            return reprints.blocks(r, blocks(r.original()));
        }
        if (model instanceof ZReport z) {
            return zReports.blocks(z);
        }
        if (model instanceof TestPage t) {
            return testPages.blocks(t);
        }
        throw new IllegalArgumentException("unknown receipt model " + model.getClass().getName());
    }
}
