package org.yishi.core.journal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * STAFF: an audit record of what staff did at the till — logins and failed attempts, lockouts, lock and unlock,
 * logout, supervisor approvals and refusals, no-sale drawer openings. Adds nothing to the totals.
 *
 * <p>Never a PIN, never a PIN hash: {@code staffNo} is the number typed at the till (so repeated failures against
 * one number are visible), and {@code detail} is written by the till's code, not typed by staff.
 *
 * @param staffNo        the staff number acting (or typed, for a failed login)
 * @param action         what happened
 * @param approvedAction for {@code approval}/{@code approval_refused}: the action approved, a lower-case code such
 *                       as {@code void}, {@code refund}, {@code manual_identification}, {@code no_sale_drawer},
 *                       {@code shift_close_variance}; null for every other action
 * @param forStaff       staff number of whom it was done for (the cashier an approval was for, the staff member a
 *                       supervisor unlocked), or null
 * @param detail         a short note from the till (e.g. {@code "sale seq 42"}, {@code "attempt 3 of 5"}), or null
 */
public record StaffPayload(String staffNo, StaffAction action, String approvedAction, String forStaff, String detail)
        implements JournalPayload {

    static final Set<String> FIELDS = Set.of("staffNo", "action", "approvedAction", "forStaff", "detail");
    /** Detail is a note, not a document: long text belongs nowhere in an audit line. */
    static final int MAX_DETAIL = 200;

    public StaffPayload {
        Checks.text("staffNo", staffNo);
        Objects.requireNonNull(action, "action");
        if (action.namesApprovedAction()) {
            if (approvedAction == null || !Checks.CODE.matcher(approvedAction).matches()) {
                throw new IllegalArgumentException("approvedAction must be a lower-case code for action " + action.code()
                        + ", found " + PayloadFields.describe(approvedAction));
            }
        } else if (approvedAction != null) {
            throw new IllegalArgumentException("approvedAction must be null for action " + action.code() + ", found "
                    + PayloadFields.describe(approvedAction));
        }
        Checks.optionalText("forStaff", forStaff);
        Checks.optionalText("detail", detail);
        if (detail != null && Checks.characters(detail) > MAX_DETAIL) {
            throw new IllegalArgumentException("detail must be at most " + MAX_DETAIL + " characters (code points), found "
                    + Checks.characters(detail));
        }
    }

    /** A record without approved action, for whom, or detail. */
    public static StaffPayload of(String staffNo, StaffAction action) {
        return new StaffPayload(staffNo, action, null, null, null);
    }

    @Override
    public RecordType type() {
        return RecordType.STAFF;
    }

    @Override
    public Map<String, Object> toPayload() {
        return PayloadFields.payload("staffNo", staffNo, "action", action.code(), "approvedAction", approvedAction,
                "forStaff", forStaff, "detail", detail);
    }

    static StaffPayload read(Map<String, ?> payload, String path) {
        PayloadFields f = PayloadFields.of(payload, path, FIELDS);
        StaffAction action;
        try {
            action = StaffAction.ofCode(f.text("action"));
        } catch (IllegalArgumentException e) {
            throw f.error("action", e.getMessage());
        }
        return new StaffPayload(f.text("staffNo"), action, f.optionalText("approvedAction"), f.optionalText("forStaff"),
                f.optionalText("detail"));
    }
}
