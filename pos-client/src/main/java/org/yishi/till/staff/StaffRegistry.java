package org.yishi.till.staff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.ibatis.session.SqlSession;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.config.registry.StaffRecord;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.till.store.FileDigest;
import org.yishi.till.store.TillStore;

/**
 * The till's staff list, imported from staff.csv into H2 (table {@code staff}) and journalled as a STAFF
 * {@code roster_update} naming the file's SHA-256. An import replaces the whole list in one transaction; rows that
 * are refused are reported (file, line, column) and the rest are imported, but a file with no good row is refused as
 * a whole so that a broken file cannot lock everyone out.
 */
public final class StaffRegistry {

    /** What an import did. */
    public record ImportResult(int imported, List<RowError> refused, String sha256) {
        public ImportResult {
            refused = List.copyOf(refused);
        }
    }

    private final TillStore store;

    public StaffRegistry(TillStore store) {
        this.store = store;
        store.database().addMapper(StaffMapper.class);
    }

    /**
     * Replaces the staff list with {@code staffCsv}'s good rows.
     *
     * @param importedBy staff number (or {@code admin}) written in the journal as who imported it
     * @throws IllegalArgumentException if no row is good, or a staff number repeats (nothing is changed)
     */
    public ImportResult importCsv(Path staffCsv, String importedBy) {
        String sha = FileDigest.sha256(staffCsv);
        Map<String, StaffRecord> rows = new LinkedHashMap<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        List<RowError> refused = new ArrayList<>();
        RegistryFormat.STAFF.read(staffCsv, (row, line) -> {
            Long earlier = lines.putIfAbsent(row.staffNo(), line);
            if (earlier != null) {
                refused.add(new RowError(staffCsv.getFileName().toString(), line, "staff_no",
                        "staff number " + row.staffNo() + " repeats line " + earlier));
            } else {
                rows.put(row.staffNo(), row);
            }
        }, refused::add);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(staffCsv + ": no staff row could be imported, the staff list is unchanged"
                    + (refused.isEmpty() ? " (the file has no rows)" : "; first problem: " + refused.get(0)));
        }
        try (SqlSession s = store.database().sessions().openSession()) {
            StaffMapper m = s.getMapper(StaffMapper.class);
            m.deleteAll();
            for (StaffRecord r : rows.values()) {
                m.insert(new StaffRow(r.staffNo(), r.name(), StaffRow.rolesOf(roles(r)), r.pinHash()));
            }
            s.commit();
        }
        store.journal().append(new StaffPayload(importedBy, StaffAction.ROSTER_UPDATE, null, null,
                "sha256 " + sha + ", " + rows.size() + " staff"));
        return new ImportResult(rows.size(), refused, sha);
    }

    /** The staff member with this number. */
    public Optional<Staff> find(String staffNo) {
        return row(staffNo).map(StaffRow::toStaff);
    }

    /** Everyone, by staff number. */
    public List<Staff> all() {
        try (SqlSession s = store.database().sessions().openSession()) {
            return s.getMapper(StaffMapper.class).all().stream().map(StaffRow::toStaff).toList();
        }
    }

    Optional<StaffRow> row(String staffNo) {
        if (staffNo == null || !StaffRecord.STAFF_NO.matcher(staffNo).matches()) {
            return Optional.empty();
        }
        try (SqlSession s = store.database().sessions().openSession()) {
            return Optional.ofNullable(s.getMapper(StaffMapper.class).find(staffNo));
        }
    }

    private static Set<Role> roles(StaffRecord r) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        r.roles().forEach(code -> out.add(Role.ofCode(code)));
        return out;
    }
}
