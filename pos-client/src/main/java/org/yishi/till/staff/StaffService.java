package org.yishi.till.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.yishi.config.registry.PinHasher;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.till.store.TillStore;

/**
 * Who is at the till: login with staff number and PIN, failed-attempt lockout, lock and unlock, logout, and supervisor
 * approvals. Every outcome is journalled as a STAFF record; no PIN or hash is ever written or logged, and PIN arrays
 * are wiped once checked.
 *
 * <p>Rules (docs/staff.md):
 * <ul>
 * <li>{@code maxFailedAttempts} wrong PINs in a row for one staff number — at login, unlock or approval — lock it out
 * for {@code lockoutDuration}; the count and the lockout are kept in the database, so a restart does not reset them.
 * While locked out no PIN is checked at all.</li>
 * <li>Cashiers, supervisors and administrators may log in; a driver gets {@link LoginResult.NotAllowed}.</li>
 * <li>Only a supervisor approves, and (unless {@link StaffSettings#allowSelfApproval()}) not while they are the one
 * logged in asking for it.</li>
 * <li>An approval is used through {@link #use}: once, for its action, by the person who asked for it, within
 * {@link StaffSettings#approvalValidFor()}, and only on the service that gave it.</li>
 * <li>A locked till is unlocked by the same person's PIN, or by a supervisor's number and PIN; the session stays the
 * original person's.</li>
 * </ul>
 * Unknown staff numbers are journalled as {@code unknown}: what was typed may be a PIN in the wrong field.
 */
public final class StaffService {

    /** Written as staffNo when the typed number is unknown: never echo what was typed. */
    static final String UNKNOWN = "unknown";
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final TillStore store;
    private final Clock clock;
    private final StaffSettings settings;
    private final StaffRegistry registry;
    private final PinHasher hasher;
    /** Checked when the staff number is unknown, so that an unknown number takes as long as a wrong PIN. */
    private final String decoyHash;
    /**
     * This service's identity, carried by every approval it gives: an approval from another service (another till,
     * another start of this one) is not one of its own, and only this object can say so.
     */
    private final Object approvals = new Object();

    private Staff current;
    private boolean locked;

    public StaffService(TillStore store, Clock clock, StaffSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = new StaffRegistry(store);
        this.hasher = new PinHasher(settings.bcryptCost());
        this.decoyHash = hasher.hash("00000000".toCharArray());
    }

    /** The staff list this service checks against (for import and lookups). */
    public StaffRegistry registry() {
        return registry;
    }

    /**
     * Logs a staff member in. Someone else still logged in (even behind the lock screen) is logged out first.
     * The PIN array is wiped.
     */
    public synchronized LoginResult login(String staffNo, char[] pin) {
        try {
            LoginResult result = check(staffNo, pin, "login");
            if (result instanceof LoginResult.Ok ok) {
                Staff staff = ok.staff();
                if (!staff.maySell() && !staff.has(Role.ADMINISTRATOR)) {
                    String roles = StaffRow.rolesOf(staff.roles());
                    journal(new StaffPayload(staff.staffNo(), StaffAction.LOGIN_REFUSED, null, null, "roles " + roles));
                    return new LoginResult.NotAllowed(staff, "roles " + roles + " may not use the till");
                }
                if (current != null) {
                    journal(new StaffPayload(current.staffNo(), StaffAction.LOGOUT, null, null, "replaced by " + staff.staffNo()));
                }
                current = staff;
                locked = false;
                journal(StaffPayload.of(staff.staffNo(), StaffAction.LOGIN_OK));
            }
            return result;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Locks the till (idle timeout or by hand); the session is kept. Does nothing if no one is logged in or already locked. */
    public synchronized void lock() {
        if (current == null || locked) {
            return;
        }
        locked = true;
        journal(StaffPayload.of(current.staffNo(), StaffAction.LOCK));
    }

    /**
     * Unlocks with the logged-in person's PIN.
     *
     * @throws IllegalStateException if the till is not locked
     */
    public synchronized LoginResult unlock(char[] pin) {
        Staff who = requireLocked(pin);
        return unlock(who.staffNo(), pin);
    }

    /**
     * Unlocks with the PIN of the logged-in person ({@code staffNo} = theirs) or of a supervisor; the session stays the
     * logged-in person's. Wrong PINs count towards {@code staffNo}'s lockout; if the logged-in person locks themselves
     * out, they are logged out.
     *
     * @throws IllegalStateException if the till is not locked
     */
    public synchronized LoginResult unlock(String staffNo, char[] pin) {
        Staff owner = requireLocked(pin);
        try {
            LoginResult result = check(staffNo, pin, "unlock");
            if (result instanceof LoginResult.Ok ok) {
                Staff who = ok.staff();
                boolean same = who.staffNo().equals(owner.staffNo());
                if (!same && !who.has(Role.SUPERVISOR)) {
                    journal(new StaffPayload(who.staffNo(), StaffAction.LOGIN_REFUSED, null, owner.staffNo(),
                            "unlock of another's session needs a supervisor"));
                    return new LoginResult.NotAllowed(who, "only " + owner.staffNo() + " or a supervisor may unlock");
                }
                locked = false;
                journal(new StaffPayload(who.staffNo(), StaffAction.UNLOCK, null, same ? null : owner.staffNo(), null));
                return new LoginResult.Ok(owner);
            }
            if (result instanceof LoginResult.LockedOut && owner.staffNo().equals(staffNo)) {
                journal(new StaffPayload(owner.staffNo(), StaffAction.LOGOUT, null, null, "locked out while the till was locked"));
                current = null;
                locked = false;
            }
            return result;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** Logs the current staff member out. Does nothing if no one is logged in. */
    public synchronized void logout() {
        if (current == null) {
            return;
        }
        journal(StaffPayload.of(current.staffNo(), StaffAction.LOGOUT));
        current = null;
        locked = false;
    }

    /** Who is logged in (also while the till is locked). */
    public synchronized Optional<Staff> current() {
        return Optional.ofNullable(current);
    }

    /** Whether the till is locked (someone is logged in but must enter a PIN to go on). */
    public synchronized boolean locked() {
        return locked;
    }

    /**
     * The logged-in, unlocked staff member, for services that act on their behalf.
     *
     * @throws IllegalStateException if no one is logged in or the till is locked
     */
    public synchronized Staff requireActive() {
        if (current == null) {
            throw new IllegalStateException("no staff member is logged in at the till");
        }
        if (locked) {
            throw new IllegalStateException("the till is locked: " + current.staffNo() + " must unlock it first");
        }
        return current;
    }

    /**
     * A supervisor approves {@code action} for the logged-in staff member with their number and PIN. Journalled as
     * {@code approval} or {@code approval_refused}, with {@code detail} (e.g. {@code "sale seq 42"}; at most 200
     * characters, never personal data). The PIN array is wiped.
     *
     * @throws IllegalStateException if no one is logged in or the till is locked
     */
    public synchronized ApprovalResult approve(String supervisorNo, char[] pin, ApprovalAction action, String detail) {
        try {
            Objects.requireNonNull(action, "action");
            Staff requester = requireActive();
            String note = detail == null || detail.isBlank() ? null : detail;
            LoginResult result = check(supervisorNo, pin, "approval of " + action.code());
            if (result instanceof LoginResult.Ok ok) {
                Staff supervisor = ok.staff();
                if (!supervisor.has(Role.SUPERVISOR)) {
                    result = new LoginResult.NotAllowed(supervisor, "only a supervisor may approve " + action.code());
                } else if (supervisor.staffNo().equals(requester.staffNo()) && !settings.allowSelfApproval()) {
                    result = new LoginResult.NotAllowed(supervisor, "a supervisor may not approve their own " + action.code());
                } else {
                    journal(new StaffPayload(supervisor.staffNo(), StaffAction.APPROVAL, action.code(), requester.staffNo(), note));
                    Instant now = clock.instant();
                    return new ApprovalResult.Approved(new Approval(supervisor, action, requester.staffNo(), now,
                            now.plus(settings.approvalValidFor()), approvals));
                }
            }
            String who = result instanceof LoginResult.NotAllowed na ? na.staff().staffNo() : knownOrUnknown(supervisorNo);
            journal(new StaffPayload(who, StaffAction.APPROVAL_REFUSED, action.code(), requester.staffNo(),
                    refusalNote(result, note)));
            return new ApprovalResult.Refused(result);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Uses an approval for {@code action}: granted only if this service gave it, it was not used before, it has not
     * expired by the till's clock, it is for {@code action}, and the person it was asked for is logged in with the till
     * unlocked. A granted approval is used up; a refusal is journalled ({@code approval_refused}, naming why) and leaves
     * the approval as it was. Every action that needs an approval goes through here just before it happens.
     */
    public synchronized ApprovalUse use(Approval approval, ApprovalAction action) {
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(action, "action");
        ApprovalUse.Refused refused = refusal(approval, action, clock.instant());
        if (refused != null) {
            journal(new StaffPayload(approval.supervisor().staffNo(), StaffAction.APPROVAL_REFUSED, action.code(),
                    current == null ? null : current.staffNo(), "use refused: " + refused.detail()));
            return refused;
        }
        approval.markUsed();
        return new ApprovalUse.Granted(approval.supervisor());
    }

    private ApprovalUse.Refused refusal(Approval approval, ApprovalAction action, Instant now) {
        if (!approval.issuedBy(approvals)) {
            return new ApprovalUse.Refused(ApprovalUse.Reason.NOT_ISSUED_HERE, "not an approval of this till");
        }
        if (approval.used()) {
            return new ApprovalUse.Refused(ApprovalUse.Reason.ALREADY_USED, "already used");
        }
        // before it was given means the clock went back: the time it has been lying around is unknown
        if (!now.isBefore(approval.expiresAt()) || now.isBefore(approval.at())) {
            return new ApprovalUse.Refused(ApprovalUse.Reason.EXPIRED, "expired at " + seconds(approval.expiresAt())
                    + " (given " + seconds(approval.at()) + ", now " + seconds(now) + ")");
        }
        if (approval.action() != action) {
            return new ApprovalUse.Refused(ApprovalUse.Reason.WRONG_ACTION, "approval is for " + approval.action().code());
        }
        if (current == null || locked || !current.staffNo().equals(approval.forStaff())) {
            return new ApprovalUse.Refused(ApprovalUse.Reason.OTHER_SESSION, "approval was for " + approval.forStaff()
                    + (current == null ? ", nobody is logged in" : locked ? ", the till is locked" : ", " + current.staffNo() + " is logged in"));
        }
        return null;
    }

    /**
     * Records that the cash drawer was opened without a sale, using a {@link ApprovalAction#NO_SALE_DRAWER} approval.
     * The caller kicks the drawer only if this grants it, after it returns (so an opening is never unrecorded).
     */
    public synchronized ApprovalUse drawerOpened(Approval approval) {
        ApprovalUse use = use(approval, ApprovalAction.NO_SALE_DRAWER);
        if (use instanceof ApprovalUse.Granted granted) {
            journal(new StaffPayload(requireActive().staffNo(), StaffAction.DRAWER_OPEN, null, null,
                    "no-sale, approved by " + granted.supervisor().staffNo()));
        }
        return use;
    }

    /** Idle time after which the UI should call {@link #lock()}. */
    public Duration idleLockAfter() {
        return settings.idleLockAfter();
    }

    public StaffSettings settings() {
        return settings;
    }

    /**
     * Checks a PIN against a staff number, applying and updating the lockout. Journals failures (login_failed,
     * locked_out), not successes: the caller journals what the success meant.
     */
    private LoginResult check(String staffNo, char[] pin, String purpose) {
        Optional<StaffRow> row = registry.row(staffNo);
        if (row.isEmpty()) {
            hasher.matches(pin, decoyHash);
            journal(new StaffPayload(UNKNOWN, StaffAction.LOGIN_FAILED, null, null, purpose + ": unknown staff number"));
            return new LoginResult.UnknownStaff();
        }
        StaffRow staff = row.get();
        Instant now = clock.instant();
        LoginStateRow state = loginState(staff.staffNo());
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil().toInstant())) {
            journal(new StaffPayload(staff.staffNo(), StaffAction.LOGIN_FAILED, null, null,
                    purpose + ": locked out until " + localTime(state.lockedUntil().toInstant())));
            return new LoginResult.LockedOut(state.lockedUntil().toInstant());
        }
        if (hasher.matches(pin, staff.pinHash())) {
            if (state.failedAttempts() != 0 || state.lockedUntil() != null) {
                saveLoginState(staff.staffNo(), 0, null);
            }
            return new LoginResult.Ok(staff.toStaff());
        }
        int failed = state.failedAttempts() + 1;
        journal(new StaffPayload(staff.staffNo(), StaffAction.LOGIN_FAILED, null, null,
                purpose + ": wrong PIN, attempt " + failed + " of " + settings.maxFailedAttempts()));
        if (failed >= settings.maxFailedAttempts()) {
            Instant until = now.plus(settings.lockoutDuration());
            saveLoginState(staff.staffNo(), 0, OffsetDateTime.ofInstant(until, clock.getZone()));
            journal(new StaffPayload(staff.staffNo(), StaffAction.LOCKED_OUT, null, null,
                    failed + " wrong PINs, until " + localTime(until)));
            return new LoginResult.LockedOut(until);
        }
        saveLoginState(staff.staffNo(), failed, null);
        return new LoginResult.WrongPin(settings.maxFailedAttempts() - failed);
    }

    private String seconds(Instant instant) {
        return HH_MM_SS.format(instant.atZone(clock.getZone()));
    }

    private String localTime(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone()).toLocalTime().withNano(0).toString();
    }

    private Staff requireLocked(char[] pin) {
        if (current == null || !locked) {
            Arrays.fill(pin, '\0');
            throw new IllegalStateException(current == null ? "no one is logged in, so there is nothing to unlock"
                    : "the till is not locked");
        }
        return current;
    }

    private String knownOrUnknown(String staffNo) {
        return registry.row(staffNo).map(StaffRow::staffNo).orElse(UNKNOWN);
    }

    private static String refusalNote(LoginResult why, String detail) {
        String reason;
        if (why instanceof LoginResult.NotAllowed n) {
            reason = n.why();
        } else if (why instanceof LoginResult.LockedOut) {
            reason = "locked out";
        } else if (why instanceof LoginResult.UnknownStaff) {
            reason = "unknown staff number";
        } else {
            reason = "wrong PIN";
        }
        String note = detail == null ? reason : reason + "; " + detail;
        return note.length() > 200 ? note.substring(0, 200) : note;
    }

    private LoginStateRow loginState(String staffNo) {
        try (SqlSession s = store.database().sessions().openSession()) {
            LoginStateRow row = s.getMapper(StaffMapper.class).loginState(staffNo);
            return row != null ? row : new LoginStateRow(staffNo, 0, null);
        }
    }

    private void saveLoginState(String staffNo, int failed, OffsetDateTime lockedUntil) {
        try (SqlSession s = store.database().sessions().openSession()) {
            s.getMapper(StaffMapper.class).saveLoginState(staffNo, failed, lockedUntil);
            s.commit();
        }
    }

    private void journal(StaffPayload payload) {
        store.journal().append(payload);
    }
}
