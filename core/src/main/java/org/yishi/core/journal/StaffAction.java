package org.yishi.core.journal;

import java.util.Locale;

/**
 * What a STAFF record says happened at the till. Written as its lower-case {@link #code()} (docs/journal-format.md
 * §7). No action ever carries a PIN or a PIN hash: the journal is read by auditors and synced to the server.
 */
public enum StaffAction {
    /** A staff member logged in with the right PIN. */
    LOGIN_OK,
    /** A login or unlock attempt with a wrong PIN (or an unknown staff number). */
    LOGIN_FAILED,
    /** Too many wrong PINs: the staff number is locked out for a while. */
    LOCKED_OUT,
    /** A login refused because the staff member's roles do not allow selling (e.g. a driver). */
    LOGIN_REFUSED,
    /** The till was locked (idle timeout or by hand); the session is kept. */
    LOCK,
    /** The locked till was unlocked by the same staff member or by a supervisor. */
    UNLOCK,
    /** The staff member logged out. */
    LOGOUT,
    /** A supervisor approved an action (void, refund, ...) with their PIN. */
    APPROVAL,
    /** A supervisor approval was asked for and refused (wrong PIN, not a supervisor, locked out, ...). */
    APPROVAL_REFUSED,
    /** The cash drawer was opened without a sale (no-sale), after approval. */
    DRAWER_OPEN,
    /** A new staff list (staff.csv) was imported; detail names its SHA-256 and size, never a hash of a PIN. */
    ROSTER_UPDATE,
    /**
     * A supervisor confirmed the till's clock after it was found set back behind the journal's last record; detail
     * names both times. Subsidies resume from this record on.
     */
    CLOCK_CONFIRMED;

    /** The code written in the journal, e.g. {@code login_ok}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether records of this action name the approved action ({@code approvedAction}). */
    public boolean namesApprovedAction() {
        return this == APPROVAL || this == APPROVAL_REFUSED;
    }

    /**
     * The action written as {@code code}.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    public static StaffAction ofCode(String code) {
        for (StaffAction a : values()) {
            if (a.code().equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown staff action \"" + code + "\" (expected one of login_ok, login_failed, "
                + "locked_out, login_refused, lock, unlock, logout, approval, approval_refused, drawer_open, roster_update, "
                + "clock_confirmed)");
    }
}
