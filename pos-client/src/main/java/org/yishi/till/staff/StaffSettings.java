package org.yishi.till.staff;

import java.time.Duration;
import java.util.Objects;
import org.yishi.config.registry.PinHasher;

/**
 * How the till treats logins.
 *
 * @param maxFailedAttempts    wrong PINs in a row that lock a staff number out (default 5)
 * @param lockoutDuration      how long a lockout lasts (default 5 minutes); survives a restart
 * @param idleLockAfter        idle time after which the UI locks the till (default 3 minutes)
 * @param allowSelfApproval    whether a supervisor logged in at the till may approve their own action (default false:
 *                             four eyes for public money; a one-person canteen may set it true, and the STAFF record
 *                             then shows approver = requester)
 * @param bcryptCost           bcrypt cost for new hashes (default 10: about 0.1 s per check on a till-class CPU)
 * @param approvalValidFor     how long a supervisor's approval may wait to be used, by the till's clock (default 2
 *                             minutes: the action follows the PIN at once; an approval left lying around must not serve
 *                             later); at most {@link #MAX_APPROVAL_VALIDITY}
 */
public record StaffSettings(int maxFailedAttempts, Duration lockoutDuration, Duration idleLockAfter,
        boolean allowSelfApproval, int bcryptCost, Duration approvalValidFor) {

    /** The default {@link #approvalValidFor()}. */
    public static final Duration DEFAULT_APPROVAL_VALIDITY = Duration.ofMinutes(2);
    /** An approval is for the action in hand: ten minutes is already generous. */
    public static final Duration MAX_APPROVAL_VALIDITY = Duration.ofMinutes(10);

    public StaffSettings {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts must be at least 1, found " + maxFailedAttempts);
        }
        requirePositive("lockoutDuration", lockoutDuration);
        requirePositive("idleLockAfter", idleLockAfter);
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcryptCost must be 4..31, found " + bcryptCost);
        }
        requirePositive("approvalValidFor", approvalValidFor);
        if (approvalValidFor.compareTo(MAX_APPROVAL_VALIDITY) > 0) {
            throw new IllegalArgumentException("approvalValidFor must be at most " + MAX_APPROVAL_VALIDITY + ", found " + approvalValidFor);
        }
    }

    /** 5 attempts, 5 minutes lockout, 3 minutes idle lock, no self-approval, bcrypt cost 10, approvals good for 2 minutes. */
    public static StaffSettings defaults() {
        return new StaffSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(3), false, PinHasher.DEFAULT_COST,
                DEFAULT_APPROVAL_VALIDITY);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, found " + d);
        }
    }
}
