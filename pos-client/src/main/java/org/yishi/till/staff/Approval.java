package org.yishi.till.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * A supervisor's approval: a one-time permission, not a value. Only {@link StaffService#approve} makes one (the
 * constructor is package-private), after the PIN was checked and the STAFF record journalled, and only the service
 * that made it accepts it — once, for its action, for the staff member it was asked for, before it expires
 * ({@link StaffSettings#approvalValidFor()}). Whoever performs the action hands it to {@link StaffService#use} and, if
 * granted, puts the supervisor's number in its record (e.g. a VOID's {@code approvedBy}).
 *
 * <p>Identity is the point: there is no {@code equals}, and the issuing service recognises its approvals by the
 * issuer they carry, an object only it holds. A copy cannot be made, so an approval cannot be forged or replayed outside
 * this package.
 */
public final class Approval {

    private final Staff supervisor;
    private final ApprovalAction action;
    private final String forStaff;
    private final Instant at;
    private final Instant expiresAt;
    /** The issuing service's identity; compared by reference. */
    private final Object issuer;
    /** Set once by the issuing service, under its lock, when the approval is used. */
    private boolean used;

    Approval(Staff supervisor, ApprovalAction action, String forStaff, Instant at, Instant expiresAt, Object issuer) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.action = Objects.requireNonNull(action, "action");
        this.forStaff = Objects.requireNonNull(forStaff, "forStaff");
        this.at = Objects.requireNonNull(at, "at");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        if (!expiresAt.isAfter(at)) {
            throw new IllegalArgumentException("an approval must expire after it was given: " + at + " / " + expiresAt);
        }
    }

    /** Who approved. */
    public Staff supervisor() {
        return supervisor;
    }

    /** What was approved; the approval is good for nothing else. */
    public ApprovalAction action() {
        return action;
    }

    /** The staff number of the logged-in person who asked; nobody else can use it. */
    public String forStaff() {
        return forStaff;
    }

    /** When it was given, by the till's clock. */
    public Instant at() {
        return at;
    }

    /** From this instant on it is refused. */
    public Instant expiresAt() {
        return expiresAt;
    }

    boolean issuedBy(Object service) {
        return issuer == service;
    }

    boolean used() {
        return used;
    }

    void markUsed() {
        used = true;
    }

    @Override
    public String toString() {
        return "Approval[" + action.code() + " by " + supervisor.staffNo() + " for " + forStaff + ", " + at + " until " + expiresAt
                + (used ? ", used" : "") + "]";
    }
}
