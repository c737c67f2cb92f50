package org.yishi.admin.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.admin.AdminCommandRunner;
import org.yishi.admin.AdminCommandRunner.Run;
import org.yishi.config.registry.PinHasher;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.config.registry.StaffRecord;

class DemoDataCommandTest {

    @Test
    void demoDataWritesTheRegistryFilesAndSaysSoInChineseByDefault(@TempDir Path dir) {
        Run r = AdminCommandRunner.run("demo-data", "--elders", "50", "--seed", "3", "--out", dir.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("长者 50 人", "员工 4 人");
        assertThat(dir.resolve("elders.csv")).exists();
        assertThat(dir.resolve("cards.csv")).exists();
        assertThat(dir.resolve("purchases.csv")).exists();
    }

    @Test
    void theStaffFileHoldsTheDemoTillsStaffForEveryCanteenAsPinHashesOnly(@TempDir Path dir) throws Exception {
        assertThat(AdminCommandRunner.run("demo-data", "--elders", "20", "--out", dir.toString()).status()).isZero();

        String csv = Files.readString(dir.resolve("staff.csv"), StandardCharsets.UTF_8);
        List<StaffRecord> staff = new ArrayList<>();
        List<RowError> refused = new ArrayList<>();
        RegistryFormat.STAFF.read(new StringReader(csv), "staff.csv", staff::add, refused::add);

        assertThat(refused).isEmpty();
        assertThat(csv.lines().findFirst()).contains("staff_no,name,roles,pin_hash,canteen_id");
        PinHasher pins = new PinHasher(PinHasher.DEFAULT_COST);
        StaffRecord cashier = staff.stream().filter(s -> s.staffNo().equals("1001")).findFirst().orElseThrow();
        StaffRecord supervisor = staff.stream().filter(s -> s.staffNo().equals("2001")).findFirst().orElseThrow();
        assertThat(cashier.roles()).containsExactly("cashier");
        assertThat(supervisor.roles()).contains("supervisor");
        assertThat(pins.matches("1234".toCharArray(), cashier.pinHash())).isTrue();
        assertThat(pins.matches("9999".toCharArray(), supervisor.pinHash())).isTrue();
        assertThat(pins.matches("1234".toCharArray(), supervisor.pinHash())).isFalse();
        // every canteen: no canteen_id on any row, so every demo canteen's till takes them
        assertThat(staff).allMatch(StaffRecord::everyCanteen).allMatch(s -> s.worksAt("C01") && s.worksAt("C20"));
        // hashes only: no PIN anywhere in the file
        assertThat(csv).doesNotContain(",1234", ",9999");
    }

    @Test
    void englishOnRequest(@TempDir Path dir) {
        Run r = AdminCommandRunner.run("demo-data", "--lang", "en", "--elders", "5", "--out", dir.toString());

        assertThat(r.out()).startsWith("Demo data written to").contains("4 staff (PIN hashes only");
    }

    @Test
    void misuseExitsWithTwoAndSaysWhy(@TempDir Path dir) throws Exception {
        Run missing = AdminCommandRunner.run("demo-data", "--elders", "5");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--out");
        Run absurd = AdminCommandRunner.run("demo-data", "--elders", "0", "--out", dir.toString());
        assertThat(absurd.status()).isEqualTo(1);
        assertThat(absurd.err()).contains("--elders");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
