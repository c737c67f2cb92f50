package org.yishi.till.checkout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.core.canteen.MenuItem;
import org.yishi.till.staff.Approval;

/**
 * The counter as the cashier works it: at most one open bill, and the next customer waiting while it is open. The
 * window, the headless demo and the till script all sell through this, so they behave alike.
 *
 * <p>An open bill stays until it is confirmed or cancelled: a card tapped meanwhile (the next elder in the queue,
 * already holding out a card) does not replace it — the cashier would take one elder's money and record another's
 * meal. It waits, visibly, and is taken up when the bill is done. Only the latest waiting identification is kept: a
 * second tap of the next customer replaces the first.
 *
 * <p>Not thread-safe by design, like the counter: one cashier, one thread.
 */
public final class CheckoutDesk {

    /** An identification that came while a bill was open. */
    private sealed interface Pending {
        record Identified(IdentificationEvent event) implements Pending {
        }

        record WalkIn() implements Pending {
        }

        record Manual(String elderId, Approval approval) implements Pending {
        }
    }

    /**
     * What confirming did, and what comes up next.
     *
     * @param outcome the confirm's outcome
     * @param next    the waiting customer's step, taken up because the bill is done (sold, not recorded, unresolved)
     */
    public record Confirmed(ConfirmOutcome outcome, Optional<CheckoutStep> next) {
        public Confirmed {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(next, "next");
        }
    }

    private final CheckoutCounter counter;
    private final CheckoutMessages messages;
    private CheckoutStep.Ready bill;
    private Pending next;
    private String nextLabel;

    public CheckoutDesk(CheckoutCounter counter, CheckoutMessages messages) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public CheckoutCounter counter() {
        return counter;
    }

    /** The open bill, if any: the only one the customer display may show. */
    public Optional<CheckoutStep.Ready> bill() {
        return Optional.ofNullable(bill);
    }

    /** Who is waiting for the open bill to be done, as the cashier sees it. */
    public Optional<String> waiting() {
        return Optional.ofNullable(nextLabel);
    }

    /** A card tap or QR scan: a new bill (or a refusal), or — while a bill is open — the next customer waiting. */
    public CheckoutStep identify(IdentificationEvent event) {
        Objects.requireNonNull(event, "event");
        if (bill != null) {
            return hold(new Pending.Identified(event), labelOf(event));
        }
        return take(counter.identify(event));
    }

    /** A customer without a card, at full price. */
    public CheckoutStep walkIn() {
        if (bill != null) {
            return hold(new Pending.WalkIn(), messages.text("desk.next.walk_in"));
        }
        return take(counter.walkIn());
    }

    /** A forgotten card, found by the cashier and approved by a supervisor. */
    public CheckoutStep identifyManually(String elderId, Approval approval) {
        if (bill != null) {
            return hold(new Pending.Manual(elderId, approval), messages.text("desk.next.manual"));
        }
        return take(counter.identifyManually(elderId, approval));
    }

    /** Other items on the open bill: quoted again (same bill id). */
    public CheckoutStep changeItems(List<MenuItem> items) {
        return take(counter.changeItems(requireBill(), items));
    }

    /**
     * Takes the payment for the open bill. Sold, not recorded or unresolved: the bill is done and the waiting customer
     * comes up. Re-quoted: the new bill replaces the shown one (money must not be taken on the old amounts). Refused
     * (no shift, cash short ...): the bill stays.
     */
    public Confirmed confirm(Payment payment) {
        ConfirmOutcome outcome = counter.confirm(requireBill(), payment);
        if (outcome instanceof ConfirmOutcome.Requoted requoted) {
            bill = requoted.bill();
            return new Confirmed(outcome, Optional.empty());
        }
        if (outcome instanceof ConfirmOutcome.Refused) {
            return new Confirmed(outcome, Optional.empty());
        }
        bill = null;
        return new Confirmed(outcome, takeUpWaiting());
    }

    /** Drops the open bill (nothing is recorded) and takes up the waiting customer, if any. */
    public Optional<CheckoutStep> cancel() {
        bill = null;
        return takeUpWaiting();
    }

    /** Drops the open bill and whoever was waiting (logout, lock-out, shift close). */
    public void clear() {
        bill = null;
        next = null;
        nextLabel = null;
    }

    private CheckoutStep.Ready requireBill() {
        if (bill == null) {
            throw new IllegalStateException("no bill is open");
        }
        return bill;
    }

    private CheckoutStep hold(Pending pending, String label) {
        next = pending;
        nextLabel = label;
        return new CheckoutStep.Waiting(label, bill);
    }

    private CheckoutStep take(CheckoutStep step) {
        bill = step instanceof CheckoutStep.Ready ready ? ready : null;
        return step;
    }

    private Optional<CheckoutStep> takeUpWaiting() {
        Pending pending = next;
        next = null;
        nextLabel = null;
        if (pending == null) {
            return Optional.empty();
        }
        CheckoutStep step;
        if (pending instanceof Pending.Identified identified) {
            step = counter.identify(identified.event());
        } else if (pending instanceof Pending.Manual manual) {
            step = counter.identifyManually(manual.elderId(), manual.approval());
        } else {
            step = counter.walkIn();
        }
        return Optional.of(take(step));
    }

    private String labelOf(IdentificationEvent event) {
        if (event instanceof IdentificationEvent.CardTapped tap) {
            String uid = tap.uid();
            return messages.text("desk.next.card", uid.length() >= 4 ? uid.substring(uid.length() - 4) : uid);
        }
        return messages.text("desk.next.qr");
    }
}
