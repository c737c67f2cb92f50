package org.yishi.config.simulate;

import java.util.List;
import java.util.Objects;
import org.yishi.core.elder.Elder;
import org.yishi.core.subsidy.Purchase;

/**
 * One row of a purchases file after parsing: either a purchase ready for the engine, or the reasons it is not.
 *
 * @param line       physical line where the record starts
 * @param purchaseId the purchase id if it was valid, else ""
 * @param elder      the elder, when the row is good
 * @param purchase   the purchase, when the row is good
 * @param errors     what is wrong; empty for a good row
 */
record PurchaseRow(long line, String purchaseId, Elder elder, Purchase purchase, List<RowError> errors) {

    PurchaseRow {
        Objects.requireNonNull(purchaseId, "purchaseId");
        errors = List.copyOf(errors);
        if (errors.isEmpty() && (elder == null || purchase == null)) {
            throw new IllegalArgumentException("a good row needs an elder and a purchase");
        }
    }

    static PurchaseRow bad(long line, String purchaseId, List<RowError> errors) {
        return new PurchaseRow(line, purchaseId, null, null, errors);
    }

    boolean good() {
        return errors.isEmpty();
    }
}
