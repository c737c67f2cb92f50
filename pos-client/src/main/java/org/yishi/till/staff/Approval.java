package org.yishi.till.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervisor's approval, handed out only by {@link StaffService#approve} after the PIN was checked and the STAFF
 * record journalled. Whoever performs the action puts {@code supervisor().staffNo()} in its record (e.g. a VOID's
 * {@code approvedBy}).
 *
 * @param supervisor who approved
 * @param action     what was approved; use the approval only for that
 * @param at         when
 */
public record Approval(Staff supervisor, ApprovalAction action, Instant at) {

    public Approval {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Checks that this approval is for {@code expected}.
     *
     * @throws IllegalArgumentException if it is for another action
     */
    public Approval requireFor(ApprovalAction expected) {
        if (action != expected) {
            throw new IllegalArgumentException("approval by " + supervisor.staffNo() + " is for " + action + ", not " + expected);
        }
        return this;
    }
}
