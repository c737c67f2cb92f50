package org.yishi.till.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.subsidy.Quote;

/**
 * Where the checkout is after an identification: ready to take payment, refused with a reason, or — while another
 * customer's bill is still open — waiting its turn.
 */
public sealed interface CheckoutStep {

    /**
     * The next customer identified themselves while another bill is open: the open bill stays until it is confirmed
     * or cancelled, then this identification is taken up. Nothing about the next customer is shown to the queue.
     *
     * @param next     who is waiting, as the cashier sees it (e.g. "卡 ****33C0", "二维码", "散客")
     * @param openBill the bill that stays on screen
     */
    record Waiting(String next, Ready openBill) implements CheckoutStep {
        public Waiting {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(openBill, "openBill");
        }
    }

    /**
     * A bill ready to confirm. A quote may carry a refusal (not eligible, limit reached, outside the meal window):
     * the elder is known and pays the full price, and the cashier sees why.
     *
     * @param elder          who, or empty for a walk-in
     * @param identification how the elder was identified
     * @param cardUid        the card's full UID (kept on the till for this sale only; the journal gets the last 4)
     * @param approvedBy     the supervisor who approved a manual identification
     * @param mealSlot       the meal slot code sold in, or empty outside every slot
     * @param items          what is on the bill
     * @param quote          the engine's bill
     * @param billId         this bill's id, from its first quote on (items changed or re-quoted, it stays); the SALE
     *                       carries it, and a journal holds at most one SALE per bill id
     * @param quotedAt       when {@code quote} was made
     */
    record Ready(Optional<ElderView> elder, IdentificationMethod identification, String cardUid, String approvedBy,
            Optional<String> mealSlot, List<MenuItem> items, Quote quote, String billId, Instant quotedAt, UsageCount usageCount)
            implements CheckoutStep {
        public Ready {
            Objects.requireNonNull(usageCount, "usageCount");
            Objects.requireNonNull(billId, "billId");
            Objects.requireNonNull(quotedAt, "quotedAt");
            Objects.requireNonNull(elder, "elder");
            Objects.requireNonNull(identification, "identification");
            Objects.requireNonNull(mealSlot, "mealSlot");
            items = List.copyOf(items);
            Objects.requireNonNull(quote, "quote");
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a bill needs at least one item");
            }
        }

        public boolean walkIn() {
            return identification == IdentificationMethod.WALK_IN;
        }
    }

    /**
     * No sale for this identity: the card is lost, revoked or another elder's, the elder is recorded deceased, the
     * card or QR code is unknown or invalid. The cashier may still sell at full price as a walk-in.
     *
     * @param code     a stable code: a {@link org.yishi.core.subsidy.RefusalReason} or QR refusal name in lower
     *                 case, or {@code unknown_card}
     * @param message  what the cashier is told, with what to do (zh-CN or English per the till's language)
     * @param detail   for staff and logs, never shown to the queue
     * @param elder    the elder the card or code names, when known
     * @param discreet show it quietly (lost card): no alarm in front of the queue
     */
    record Refused(String code, String message, String detail, Optional<ElderView> elder, boolean discreet)
            implements CheckoutStep {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            detail = detail == null ? "" : detail;
            Objects.requireNonNull(elder, "elder");
        }
    }
}
