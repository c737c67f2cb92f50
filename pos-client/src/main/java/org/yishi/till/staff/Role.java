package org.yishi.till.staff;

import java.util.Locale;

/** What a staff member may do. A person can hold several roles (staff.csv {@code roles}: {@code cashier;supervisor}). */
public enum Role {
    /** Sells at the till, opens and closes shifts. */
    CASHIER,
    /** Approves voids, refunds, manual identification, no-sale drawer openings and cash variances; may sell. */
    SUPERVISOR,
    /** Delivers meals; has no business at the till (login refused). */
    DRIVER,
    /** Settings and diagnostics; may log in but not sell. */
    ADMINISTRATOR;

    /** The code used in staff.csv and the database, e.g. {@code cashier}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static Role ofCode(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role \"" + code + "\" (expected cashier, supervisor, driver or administrator)");
    }
}
