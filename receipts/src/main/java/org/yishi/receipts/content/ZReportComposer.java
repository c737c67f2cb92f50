package org.yishi.receipts.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.Totals;
import org.yishi.receipts.layout.Block;

/**
 * Lays out the Z-report: the shift's counts and money per funder, per payment method, per tier; cash check;
 * perpetual grand totals; sequence range and the full last hash that anchors the journal.
 */
final class ZReportComposer {

    private final ReceiptTexts texts;
    private final CommonBlocks common;

    ZReportComposer(ReceiptTexts texts, CommonBlocks common) {
        this.texts = texts;
        this.common = common;
    }

    List<Block> blocks(ZReport report) {
        List<Block> out = new ArrayList<>();
        ReceiptContext context = report.context();
        ShiftClosePayload close = report.close();
        String where = "Z-report of shift " + close.shiftNo();
        common.header(context, "title.zreport", out);
        common.field("field.till", context.tillId(), out);
        common.field("z.shift", "#" + close.shiftNo(), out);
        common.field("z.range", "#" + close.fromSeq() + " - #" + close.toSeq(), out);
        common.field("field.time", common.time(context, report.record().time()), out);
        common.field("z.closedBy", report.closedByName(), out);

        out.add(Block.Text.centred(texts.get("z.section.shift")));
        Totals shift = close.shift();
        counts(shift, out);
        money(context, shift, where + " (shift)", false, out);
        if (!report.tiers().isEmpty()) {
            out.add(Block.Text.left(texts.get("z.tiers")));
            for (ZReport.TierTotal tier : report.tiers()) {
                out.add(Block.LabelValue.of("  " + texts.get("z.tier.line", tier.name(), String.valueOf(tier.meals())),
                        AmountCheck.net("tier subsidy", where, tier.subsidyFen())));
            }
        }
        if (!shift.ratings().isEmpty()) {
            out.add(Block.Text.left(texts.get("z.ratings")));
            shift.ratings().forEach((stars, count) ->
                    out.add(Block.LabelValue.of("  " + texts.get("z.rating.line", stars), String.valueOf(count))));
        }
        cash(close, report.openingFloatFen(), where, out);

        out.add(Block.Text.centred(texts.get("z.section.grand")));
        counts(close.grand(), out);
        money(context, close.grand(), where + " (grand totals)", true, out);

        out.add(new Block.Rule('-'));
        out.add(Block.Text.left(texts.get("z.lastHash")));
        out.add(Block.Text.left(close.lastHash()));
        common.verification(context, report.record(), out);
        return out;
    }

    private void counts(Totals t, List<Block> out) {
        common.field("z.sales", String.valueOf(t.sales()), out);
        common.field("z.voids", String.valueOf(t.voids()), out);
        common.field("z.refunds", String.valueOf(t.refunds()), out);
        common.field("z.reprints", String.valueOf(t.reprints()), out);
    }

    private void money(ReceiptContext context, Totals t, String where, boolean grand, List<Block> out) {
        out.add(new Block.LabelValue(texts.get("z.price"), amount("price", where, t.priceFen(), grand), true));
        common.field("z.subsidy", amount("subsidy", where, t.subsidyFen(), grand), out);
        for (Map.Entry<String, Long> e : t.subsidyByFunder().entrySet()) {
            out.add(Block.LabelValue.of("  " + context.funderName(e.getKey()), amount("subsidy " + e.getKey(), where, e.getValue(), grand)));
        }
        common.field("z.copay", amount("copayment", where, t.copayFen(), grand), out);
        for (Map.Entry<String, Long> e : t.copayByPaymentMethod().entrySet()) {
            out.add(Block.LabelValue.of("  " + texts.codeName("payment", e.getKey()),
                    amount("copayment " + e.getKey(), where, e.getValue(), grand)));
        }
        if (!t.providerGrants().isEmpty()) {
            out.add(Block.Text.left(texts.get("z.providerGrants")));
            for (Map.Entry<String, Long> e : t.providerGrants().entrySet()) {
                out.add(Block.LabelValue.of("  " + grantName(context, e.getKey()),
                        amount("grant " + e.getKey(), where, e.getValue(), grand)));
            }
        }
    }

    private void cash(ShiftClosePayload close, Long openingFloatFen, String where, List<Block> out) {
        if (close.countedCashFen() == null) {
            return;
        }
        long expected = close.shift().copayByPaymentMethod().getOrDefault("cash", 0L);
        if (openingFloatFen != null) {
            common.field("z.cash.float", AmountCheck.amount("opening float", where, openingFloatFen), out);
            expected = Math.addExact(expected, openingFloatFen);
        }
        common.field("z.cash.counted", AmountCheck.amount("counted cash", where, close.countedCashFen()), out);
        common.field("z.cash.expected", AmountCheck.net("expected cash", where, expected), out);
        out.add(new Block.LabelValue(texts.get("z.cash.difference"),
                AmountCheck.net("cash difference", where, close.countedCashFen() - expected), true));
    }

    /** {@code operator:city} → 运营补贴（市财政）. */
    private String grantName(ReceiptContext context, String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return key;
        }
        return texts.get("z.grant.line", texts.codeName("role", key.substring(0, colon)),
                context.funderName(key.substring(colon + 1)));
    }

    private static String amount(String what, String where, long fen, boolean grand) {
        return grand ? AmountCheck.grand(what, where, fen) : AmountCheck.net(what, where, fen);
    }
}
