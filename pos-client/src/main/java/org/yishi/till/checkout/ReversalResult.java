package org.yishi.till.checkout;

import java.util.Optional;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.print.Admission;

/**
 * A void or refund: done (the VOID/REFUND record's seq, the copayment to hand back, its receipt) or refused with a
 * message for the cashier (already reversed, another shift's sale, unknown receipt).
 */
public record ReversalResult(Optional<Long> seq, long copayBackFen, Optional<RenderedReceipt> receipt,
        Optional<Admission> printing, Optional<String> refusal) {

    static ReversalResult done(long seq, long copayBackFen, RenderedReceipt receipt, Admission printing) {
        return new ReversalResult(Optional.of(seq), copayBackFen, Optional.of(receipt), Optional.of(printing), Optional.empty());
    }

    static ReversalResult refused(String message) {
        return new ReversalResult(Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.of(message));
    }

    public boolean done() {
        return seq.isPresent();
    }
}
