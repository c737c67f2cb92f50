package org.yishi.receipts.print;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.yishi.receipts.ReceiptKind;

/**
 * A held print job a supervisor threw away, and who did it. The sale itself stays in the journal;
 * only the paper copy is given up.
 *
 * @param receiptId   the receipt that will not be printed
 * @param kind        its kind
 * @param supervisor  who discarded it (staff id or name, as the till logs staff)
 * @param reason      why, in the supervisor's words
 * @param at          when
 * @param lastFailure why the job was held, if it was
 */
public record DiscardRecord(String receiptId, ReceiptKind kind, String supervisor, String reason, Instant at,
                            Optional<HoldReason> lastFailure) {
    public DiscardRecord {
        Objects.requireNonNull(receiptId, "receiptId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(lastFailure, "lastFailure");
        if (supervisor == null || supervisor.isBlank()) {
            throw new IllegalArgumentException("discarding print job " + receiptId + " needs the supervisor's id");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("discarding print job " + receiptId + " needs a reason");
        }
    }
}
