package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SaleItem;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.receipts.layout.Block;

/** Lays out what a sale receipt says (issue 4, item 3), in print order. */
final class SaleComposer {

    private final ReceiptTexts texts;
    private final CommonBlocks common;

    SaleComposer(ReceiptTexts texts, CommonBlocks common) {
        this.texts = texts;
        this.common = common;
    }

    List<Block> blocks(SaleReceipt receipt) {
        List<Block> out = new ArrayList<>();
        ReceiptContext context = receipt.context();
        SalePayload sale = receipt.sale();
        common.header(context, "title.sale", out);
        common.field("field.receiptNo", sale.receiptNo(), out);
        common.field("field.till", context.tillId(), out);
        common.field("field.time", common.time(context, receipt.record().time()), out);
        common.field("field.cashier", receipt.cashierName(), out);
        if (sale.mealSlot() != null) {
            common.field("field.slot", texts.codeName("slot", sale.mealSlot()), out);
        }
        if (sale.offline()) {
            out.add(Block.Text.left(texts.get("field.offline")));
        }
        elder(receipt, out);
        out.add(new Block.Rule('-'));
        items(sale, out);
        out.add(new Block.Rule('-'));
        totals(receipt, out);
        common.verification(context, receipt.record(), out);
        common.footer(context, out);
        return out;
    }

    private void elder(SaleReceipt receipt, List<Block> out) {
        SalePayload sale = receipt.sale();
        if (sale.identification() == IdentificationMethod.WALK_IN) {
            out.add(Block.Text.left(texts.get("field.walkIn")));
            return;
        }
        common.field("field.elder", receipt.elderName(), out);
        if (sale.cardUidLast4() != null) {
            common.field("field.card", sale.cardUidLast4(), out);
        }
        if (sale.identification() != IdentificationMethod.CARD) {
            common.field("field.identification", texts.codeName("identification", sale.identification().code()), out);
        }
    }

    private void items(SalePayload sale, List<Block> out) {
        out.add(Block.LabelValue.of(texts.get("items.header"), texts.get("items.amount")));
        for (SaleItem item : sale.items()) {
            String where = "sale " + sale.receiptNo() + " item " + item.itemId();
            String total = AmountCheck.amount("line total", where, item.lineTotalFen());
            String unit = AmountCheck.amount("unit price", where, item.unitPriceFen());
            if (item.quantity() > 999) {
                throw new IllegalArgumentException(where + ": quantity " + item.quantity() + " is not a canteen order");
            }
            String detail = item.quantity() == 1 ? "" : texts.get("item.detail", String.valueOf(item.quantity()), unit);
            out.add(new Block.Item(item.name(), detail, total));
        }
    }

    private void totals(SaleReceipt receipt, List<Block> out) {
        SalePayload sale = receipt.sale();
        String where = "sale " + sale.receiptNo();
        out.add(new Block.LabelValue(texts.get("sum.price"), AmountCheck.amount("price", where, sale.priceFen()), true));
        if (sale.subsidyFen() > 0) {
            out.add(Block.LabelValue.of(texts.get("sum.subsidy"),
                    "-" + AmountCheck.amount("subsidy", where, sale.subsidyFen())));
            for (FunderShare share : sale.amounts().funderShares()) {
                out.add(Block.LabelValue.of("  " + receipt.context().funderName(share.funder()),
                        AmountCheck.amount("subsidy share", where, share.fen())));
            }
        }
        out.add(new Block.LabelValue(texts.get("sum.copay"), AmountCheck.amount("copayment", where, sale.copayFen()), true));
        out.add(Block.LabelValue.of(texts.get("sum.payment"), texts.codeName("payment", sale.amounts().paymentMethod())));
        receipt.mealsLeftToday().ifPresent(left ->
                out.add(Block.LabelValue.of(texts.get("sum.mealsLeft"), String.valueOf(left))));
    }
}
