package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.List;
import org.yishi.receipts.layout.Align;
import org.yishi.receipts.layout.Block;
import org.yishi.receipts.layout.TextSize;

/** Lays out a reprint: 重打印 and the count above the original receipt, the marking again below it. */
final class ReprintComposer {

    private final ReceiptTexts texts;
    private final CommonBlocks common;

    ReprintComposer(ReceiptTexts texts, CommonBlocks common) {
        this.texts = texts;
        this.common = common;
    }

    List<Block> blocks(ReprintReceipt receipt, List<Block> original) {
        List<Block> out = new ArrayList<>();
        String count = String.valueOf(receipt.reprint().reprintCount());
        out.add(new Block.Heading(texts.get("reprint.banner"), TextSize.DOUBLE));
        out.add(new Block.Text(texts.get("reprint.count", count), Align.CENTER, true));
        common.field("reprint.time", common.time(receipt.context(), receipt.record().time()), out);
        common.field("reprint.staff", receipt.staffName(), out);
        common.field("field.reason", receipt.reprint().reason(), out);
        out.add(new Block.Rule('='));
        out.addAll(original);
        out.add(new Block.Rule('='));
        out.add(new Block.Text(texts.get("reprint.footer"), Align.CENTER, true));
        out.add(new Block.Text(texts.get("reprint.count", count), Align.CENTER, true));
        return out;
    }
}
