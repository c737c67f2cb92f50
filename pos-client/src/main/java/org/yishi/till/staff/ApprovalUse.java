package org.yishi.till.staff;

import java.util.Locale;
import java.util.Objects;

/** What {@link StaffService#use} says about an approval presented for an action. */
public sealed interface ApprovalUse {

    /** Good: it is now used up. Put {@code supervisor().staffNo()} in the action's record. */
    record Granted(Staff supervisor) implements ApprovalUse {
        public Granted {
            Objects.requireNonNull(supervisor, "supervisor");
        }
    }

    /**
     * Not good, and journalled as STAFF {@code approval_refused}. The action must not happen; the supervisor can approve
     * again.
     *
     * @param reason why, for the words the cashier reads
     * @param detail for staff and logs, e.g. {@code expired at 11:42:10}
     */
    record Refused(Reason reason, String detail) implements ApprovalUse {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why an approval was refused when used. */
    enum Reason {
        /** Not given by this till's staff service (another till or service, or not an approval it made). */
        NOT_ISSUED_HERE,
        /** Used before: an approval is good for one action. */
        ALREADY_USED,
        /** Past {@link StaffSettings#approvalValidFor()} by the till's clock (or the clock went back before it). */
        EXPIRED,
        /** Given for another action. */
        WRONG_ACTION,
        /** Asked for by someone other than who is logged in now, or the till is locked. */
        OTHER_SESSION;

        /** {@code not_issued_here}, {@code already_used}, …: message keys and refusal codes. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
