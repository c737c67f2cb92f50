package org.yishi.core.journal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * VOID or REFUND: reverses one earlier SALE in full. It copies the sale's amounts so that the record is
 * self-explanatory; the verifier checks the copy against the original, and that a sale is reversed at most once.
 * Partial refunds are not part of format 1.
 *
 * @param type        {@link RecordType#VOID} (cancelled before the meal was served) or {@link RecordType#REFUND}
 * @param originalSeq seq of the SALE reversed
 * @param shiftNo     the open shift in which it is reversed (may be later than the sale's)
 * @param cashier     staff id of the cashier
 * @param approvedBy  the supervisor who approved it
 * @param reason      why
 * @param original    the sale's amounts, copied
 */
public record ReversalPayload(RecordType type, long originalSeq, long shiftNo, String cashier, String approvedBy,
        String reason, SaleAmounts original) implements JournalPayload {

    private static final Set<String> FIELDS = Set.of("originalSeq", "shiftNo", "cashier", "approvedBy", "reason",
            "receiptNo", "elderId", "priceFen", "subsidyFen", "copayFen", "funderShares", "providerGrants",
            "paymentMethod");

    public ReversalPayload {
        if (type != RecordType.VOID && type != RecordType.REFUND) {
            throw new IllegalArgumentException("a reversal is a VOID or a REFUND, not " + type);
        }
        Checks.positive("originalSeq", originalSeq);
        Checks.positive("shiftNo", shiftNo);
        Checks.text("cashier", cashier);
        Checks.text("approvedBy", approvedBy);
        Checks.text("reason", reason);
        Objects.requireNonNull(original, "original");
    }

    /** A VOID of the sale recorded at {@code saleSeq}. */
    public static ReversalPayload voiding(long saleSeq, SalePayload sale, long shiftNo, String cashier,
            String approvedBy, String reason) {
        return new ReversalPayload(RecordType.VOID, saleSeq, shiftNo, cashier, approvedBy, reason, sale.amounts());
    }

    /** A REFUND of the sale recorded at {@code saleSeq}. */
    public static ReversalPayload refunding(long saleSeq, SalePayload sale, long shiftNo, String cashier,
            String approvedBy, String reason) {
        return new ReversalPayload(RecordType.REFUND, saleSeq, shiftNo, cashier, approvedBy, reason, sale.amounts());
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("originalSeq", originalSeq, "shiftNo", shiftNo, "cashier", cashier,
                "approvedBy", approvedBy, "reason", reason, "receiptNo", original.receiptNo(),
                "elderId", original.elderId(), "priceFen", original.priceFen(), "subsidyFen", original.subsidyFen(),
                "copayFen", original.copayFen(), "funderShares", JsonShapes.funderShares(original.funderShares()),
                "providerGrants", JsonShapes.providerGrants(original.providerGrants()),
                "paymentMethod", original.paymentMethod());
    }

    static ReversalPayload read(RecordType type, Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        SaleAmounts amounts = new SaleAmounts(f.text("receiptNo"), f.optionalText("elderId"), f.integer("priceFen"),
                f.integer("subsidyFen"), f.integer("copayFen"), f.funderShares("funderShares"),
                f.providerGrants("providerGrants"), f.text("paymentMethod"));
        return new ReversalPayload(type, f.integer("originalSeq"), f.integer("shiftNo"), f.text("cashier"),
                f.text("approvedBy"), f.text("reason"), amounts);
    }
}
