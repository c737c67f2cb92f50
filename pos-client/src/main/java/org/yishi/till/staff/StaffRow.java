package org.yishi.till.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A row of the staff table; roles as {@code ;}-separated codes. */
record StaffRow(String staffNo, String name, String roles, String pinHash) {

    Staff toStaff() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(Role::ofCode).forEach(set::add);
        return new Staff(staffNo, name, set);
    }

    static String rolesOf(Set<Role> roles) {
        return roles.stream().sorted().map(Role::code).collect(Collectors.joining(";"));
    }

    @Override
    public String toString() {
        return "StaffRow[" + staffNo + ", " + name + ", " + roles + "]"; // never the hash in a log
    }
}
