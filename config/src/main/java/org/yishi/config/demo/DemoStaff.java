package org.yishi.config.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yishi.config.registry.PinHasher;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.StaffRecord;

/**
 * The demo staff (docs/staff.md): who logs in at the demo tills — the stand-alone demo till, the demo till enrolled
 * with the demo server — and at every canteen of {@code demo-data}. Their PINs are public demo values, written here
 * once so that the demo can be used; staff.csv receives only their bcrypt hashes, salted by the hasher given (fresh
 * salts, or seeded ones where {@code demo-data} must give the same bytes for the same seed).
 *
 * <table>
 * <caption>demo staff</caption>
 * <tr><th>no.</th><th>name</th><th>roles</th><th>PIN</th></tr>
 * <tr><td>1001</td><td>李梅</td><td>cashier</td><td>1234</td></tr>
 * <tr><td>2001</td><td>王建国</td><td>supervisor; cashier</td><td>9999</td></tr>
 * <tr><td>3001</td><td>陈师傅</td><td>driver</td><td>3333</td></tr>
 * <tr><td>4001</td><td>赵管理</td><td>administrator</td><td>4444</td></tr>
 * </table>
 */
public final class DemoStaff {

    /** One demo person with the PIN the demo documents. */
    public record Member(String staffNo, String name, List<String> roles, String demoPin) {
    }

    public static final List<Member> MEMBERS = List.of(
            new Member("1001", "李梅", List.of("cashier"), "1234"),
            new Member("2001", "王建国", List.of("supervisor", "cashier"), "9999"),
            new Member("3001", "陈师傅", List.of("driver"), "3333"),
            new Member("4001", "赵管理", List.of("administrator"), "4444"));

    private DemoStaff() {
    }

    /** Writes {@code staff.csv} (hashes only) for the demo staff, each for every canteen (no canteen_id). */
    public static void writeCsv(Path file, PinHasher hasher) {
        List<StaffRecord> rows = new ArrayList<>();
        for (Member m : MEMBERS) {
            rows.add(new StaffRecord(m.staffNo(), m.name(), m.roles(), hasher.hash(m.demoPin().toCharArray())));
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RegistryFormat.STAFF.writeAll(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
