package org.yishi.receipts.content;

import java.util.Objects;
import java.util.OptionalInt;
import org.yishi.core.elder.NameMask;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.SalePayload;
import org.yishi.receipts.ReceiptKind;

/**
 * A sale receipt: the SALE record plus what the journal does not hold (names, meals left).
 *
 * @param context        the till
 * @param record         the SALE record (seq, time, hash)
 * @param sale           its payload
 * @param cashierName    the cashier's display name
 * @param elderName      the elder's name, masked here whatever is passed (张小华 → 张*华); null for a walk-in
 * @param mealsLeftToday subsidised meals the elder has left today, when the policy limits them
 */
public record SaleReceipt(ReceiptContext context, JournalRef record, SalePayload sale, String cashierName,
        String elderName, OptionalInt mealsLeftToday) implements ReceiptModel {

    public SaleReceipt {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(cashierName, "cashierName");
        Objects.requireNonNull(mealsLeftToday, "mealsLeftToday");
        if (sale.identification() != IdentificationMethod.WALK_IN && (elderName == null || elderName.isBlank())) {
            throw new IllegalArgumentException("sale " + sale.receiptNo() + ": an elder's name is needed unless walk-in");
        }
        // masking here, not at the caller, so no path can print a full name
        elderName = elderName == null ? null : NameMask.mask(elderName);
        if (mealsLeftToday.isPresent() && mealsLeftToday.getAsInt() < 0) {
            throw new IllegalArgumentException("sale " + sale.receiptNo() + ": meals left today cannot be negative");
        }
    }

    @Override
    public ReceiptKind kind() {
        return ReceiptKind.SALE;
    }

    @Override
    public String receiptId() {
        return sale.receiptNo();
    }

    /** Cash opens the drawer; a sale fully covered by subsidy has nothing to put in it. */
    @Override
    public boolean kicksDrawer() {
        return "cash".equals(sale.amounts().paymentMethod()) && sale.copayFen() > 0;
    }
}
