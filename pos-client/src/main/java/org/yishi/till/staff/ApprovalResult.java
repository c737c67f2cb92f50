package org.yishi.till.staff;

import java.util.Objects;

/** The outcome of asking a supervisor to approve an action. */
public sealed interface ApprovalResult {

    /** Approved; the approval is journalled. */
    record Approved(Approval approval) implements ApprovalResult {
        public Approved {
            Objects.requireNonNull(approval, "approval");
        }
    }

    /**
     * Refused, and why: {@link LoginResult.WrongPin}, {@link LoginResult.LockedOut}, {@link LoginResult.UnknownStaff},
     * or {@link LoginResult.NotAllowed} (not a supervisor; approving their own action). Journalled as
     * {@code approval_refused}.
     */
    record Refused(LoginResult why) implements ApprovalResult {
        public Refused {
            Objects.requireNonNull(why, "why");
            if (why instanceof LoginResult.Ok) {
                throw new IllegalArgumentException("a refusal needs a reason other than Ok");
            }
        }
    }
}
