package org.yishi.config.registry;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of staff.csv: a person who may use a till, with roles, the bcrypt hash of their PIN (never the PIN) and
 * where they work.
 *
 * @param staffNo   staff number typed at the till: 1-16 letters or digits
 * @param name      display name
 * @param roles     role codes, at least one of {@link #ROLE_CODES}, in file order
 * @param pinHash   bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, cost 04-31, 60 characters)
 * @param canteenId the canteen whose tills they may use, or "" for every canteen (docs/registry-csv.md)
 */
public record StaffRecord(String staffNo, String name, List<String> roles, String pinHash, String canteenId) {

    /** The role codes staff.csv knows. */
    public static final Set<String> ROLE_CODES = Set.of("cashier", "supervisor", "driver", "administrator");
    /** Staff numbers the till's keypad can type. */
    public static final Pattern STAFF_NO = Pattern.compile("[A-Za-z0-9]{1,16}");
    /** The modular crypt form of a bcrypt hash: version, two-digit cost, 22 salt + 31 hash characters. */
    public static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    /** A canteen id, as canteens.csv has it. */
    public static final Pattern CANTEEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Someone who may use the tills of every canteen. */
    public StaffRecord(String staffNo, String name, List<String> roles, String pinHash) {
        this(staffNo, name, roles, pinHash, "");
    }

    public StaffRecord {
        Objects.requireNonNull(staffNo, "staffNo");
        if (!STAFF_NO.matcher(staffNo).matches()) {
            throw new IllegalArgumentException("staff number must be 1-16 letters or digits, not \"" + staffNo + "\"");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("staff " + staffNo + ": name is blank");
        }
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("staff " + staffNo + ": no role (expected one or more of " + sortedRoles() + ")");
        }
        for (String role : roles) {
            if (!ROLE_CODES.contains(role)) {
                throw new IllegalArgumentException("staff " + staffNo + ": unknown role \"" + role + "\" (expected "
                        + sortedRoles() + ")");
            }
        }
        if (pinHash == null || !BCRYPT.matcher(pinHash).matches()) {
            // never echo the value: a plain PIN typed into the wrong column must not reach a log
            throw new IllegalArgumentException("staff " + staffNo + ": pin_hash is not a bcrypt hash ($2b$NN$ and 53 "
                    + "characters); put the hash from `./yishi staff hash-pin` there, never the PIN");
        }
        Objects.requireNonNull(canteenId, "canteenId");
        if (!canteenId.isEmpty() && !CANTEEN_ID.matcher(canteenId).matches()) {
            throw new IllegalArgumentException("staff " + staffNo + ": canteen id must be 1-32 letters, digits, - or _ (or "
                    + "empty for every canteen), not \"" + canteenId + "\"");
        }
    }

    /** Whether they may use the tills of every canteen (no canteen_id). */
    public boolean everyCanteen() {
        return canteenId.isEmpty();
    }

    /** Whether they may use the tills of canteen {@code canteen}: theirs, or any when they have none. */
    public boolean worksAt(String canteen) {
        return everyCanteen() || canteenId.equals(canteen);
    }

    private static List<String> sortedRoles() {
        return ROLE_CODES.stream().sorted().toList();
    }
}
