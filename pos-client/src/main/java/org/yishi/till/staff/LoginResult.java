package org.yishi.till.staff;

import java.time.Instant;
import java.util.Objects;

/** The outcome of a PIN check: login, unlock, or a supervisor's PIN for an approval. */
public sealed interface LoginResult {

    /** The PIN was right and the person may do what was asked. */
    record Ok(Staff staff) implements LoginResult {
        public Ok {
            Objects.requireNonNull(staff, "staff");
        }
    }

    /** The PIN was wrong; {@code attemptsLeft} more wrong PINs lock the staff number out. */
    record WrongPin(int attemptsLeft) implements LoginResult {
    }

    /** Too many wrong PINs: no PIN is checked for this staff number until {@code until}. */
    record LockedOut(Instant until) implements LoginResult {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }
    }

    /** No staff member has this number on this till. */
    record UnknownStaff() implements LoginResult {
    }

    /**
     * The PIN was right but the person may not do this: a driver at the till, a cashier asked to approve, a supervisor
     * approving their own action.
     *
     * @param why English reason for logs and developers; the UI shows its own (zh-CN) text by result type
     */
    record NotAllowed(Staff staff, String why) implements LoginResult {
        public NotAllowed {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(why, "why");
        }
    }
}
