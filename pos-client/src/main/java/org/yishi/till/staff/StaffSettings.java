package org.yishi.till.staff;

import java.time.Duration;
import java.util.Objects;

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
 */
public record StaffSettings(int maxFailedAttempts, Duration lockoutDuration, Duration idleLockAfter,
        boolean allowSelfApproval, int bcryptCost) {

    public StaffSettings {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts must be at least 1, found " + maxFailedAttempts);
        }
        requirePositive("lockoutDuration", lockoutDuration);
        requirePositive("idleLockAfter", idleLockAfter);
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcryptCost must be 4..31, found " + bcryptCost);
        }
    }

    /** 5 attempts, 5 minutes lockout, 3 minutes idle lock, no self-approval, bcrypt cost 10. */
    public static StaffSettings defaults() {
        return new StaffSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(3), false, PinHasher.DEFAULT_COST);
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, found " + d);
        }
    }
}
