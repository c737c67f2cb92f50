package org.yishi.till.staff;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who may use the till. Carries no PIN hash: that stays inside {@link StaffService}.
 *
 * @param staffNo staff number (typed at login, written in the journal)
 * @param name    display name
 * @param roles   at least one role
 */
public record Staff(String staffNo, String name, Set<Role> roles) {

    public Staff {
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(name, "name");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("staff " + staffNo + " has no role");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether this person holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this person may sell (cashier or supervisor). */
    public boolean maySell() {
        return has(Role.CASHIER) || has(Role.SUPERVISOR);
    }
}
