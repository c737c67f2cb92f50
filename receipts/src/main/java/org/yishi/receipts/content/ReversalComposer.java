package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.journal.SaleAmounts;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.layout.Block;

/** Lays out a void or refund receipt: the original named, the money reversed per funder and to the elder. */
final class ReversalComposer {

    private final ReceiptTexts texts;
    private final CommonBlocks common;

    ReversalComposer(ReceiptTexts texts, CommonBlocks common) {
        this.texts = texts;
        this.common = common;
    }

    List<Block> blocks(ReversalReceipt receipt) {
        List<Block> out = new ArrayList<>();
        ReceiptContext context = receipt.context();
        boolean isVoid = receipt.kind() == ReceiptKind.VOID;
        SaleAmounts original = receipt.reversal().original();
        String where = (isVoid ? "void " : "refund ") + receipt.receiptId();
        common.header(context, isVoid ? "title.void" : "title.refund", out);
        common.field("field.receiptNo", receipt.receiptId(), out);
        out.add(new Block.LabelValue(texts.get("field.original"), original.receiptNo(), true));
        common.field("field.originalSeq", "#" + receipt.reversal().originalSeq(), out);
        common.field("field.till", context.tillId(), out);
        common.field("field.time", common.time(context, receipt.record().time()), out);
        common.field("field.cashier", receipt.cashierName(), out);
        common.field("field.approvedBy", receipt.approverName(), out);
        out.add(Block.Text.left(texts.get("field.reason") + ": " + receipt.reversal().reason()));
        if (receipt.elderName() != null) {
            common.field("field.elder", receipt.elderName(), out);
        } else {
            out.add(Block.Text.left(texts.get("field.walkIn")));
        }
        out.add(new Block.Rule('-'));
        common.field("reversal.price", AmountCheck.amount("original price", where, original.priceFen()), out);
        if (original.subsidyFen() > 0) {
            common.field("reversal.subsidy", "-" + AmountCheck.amount("subsidy", where, original.subsidyFen()), out);
            for (FunderShare share : original.funderShares()) {
                out.add(Block.LabelValue.of("  " + context.funderName(share.funder()),
                        "-" + AmountCheck.amount("subsidy share", where, share.fen())));
            }
        }
        out.add(new Block.LabelValue(texts.get(isVoid ? "reversal.copay.void" : "reversal.copay.refund"),
                AmountCheck.amount("copayment", where, original.copayFen()), true));
        common.field("sum.payment", texts.codeName("payment", original.paymentMethod()), out);
        common.verification(context, receipt.record(), out);
        common.footer(context, out);
        return out;
    }
}
