package org.yishi.till.checkout;

import java.util.Objects;

/**
 * What confirming a bill came to. The cashier always learns one of: sold (已记录), the amounts changed and must be
 * shown again before money is taken, refused with the bill kept (fix and confirm again), not recorded (未记录), or —
 * only when the journal cannot even be read back — unresolved.
 */
public sealed interface ConfirmOutcome {

    /** The sale is in the journal; its receipt went to the print queue. The bill is done. */
    record Sold(SaleResult sale) implements ConfirmOutcome {
        public Sold {
            Objects.requireNonNull(sale, "sale");
        }
    }

    /**
     * Re-quoted at confirm, inside the journal lock, the bill came out differently (another slot or day, a limit used
     * up meanwhile): nothing was recorded; {@code bill} (the same bill id) must be shown before money is taken.
     */
    record Requoted(CheckoutStep.Ready bill) implements ConfirmOutcome {
        public Requoted {
            Objects.requireNonNull(bill, "bill");
        }
    }

    /**
     * Not confirmed, nothing recorded, the bill stays open: no shift open, nobody logged in, less cash than the
     * copayment.
     *
     * @param code    a stable code: {@code no_shift}, {@code not_logged_in}, {@code cash_short}
     * @param message for the cashier
     */
    record Refused(String code, String message) implements ConfirmOutcome {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Nothing was recorded (未记录) although the commit was tried; the bill is cleared: ring it again if wanted. */
    record NotRecorded(String message, String detail) implements ConfirmOutcome {
        public NotRecorded {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The journal could not be written nor read back: whether the sale exists shows only after a restart. The bill is
     * cleared and the till writes nothing more until restarted.
     */
    record Unresolved(String message, String detail) implements ConfirmOutcome {
        public Unresolved {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
