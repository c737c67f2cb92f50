package org.yishi.till.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Map;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Till;
import org.yishi.till.checkout.TillSetup;
import org.yishi.config.demo.DemoStaff;
import org.yishi.config.registry.PinHasher;
import org.yishi.till.staff.StaffRegistry;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/**
 * Benchmark data, built once and kept under {@code pos-client/target/bench/} so a rerun does not rebuild it
 * ({@code mvn clean} throws it away).
 */
final class BenchData {

    static final int ELDERS = Integer.getInteger("bench.elders", 2_000_000);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String BENCH_POLICY_ID = "guangzhou-zengcheng";
    private static final int CHUNK = 200_000;

    private BenchData() {
    }

    /** {@code pos-client/target/bench}, found from where the benchmark classes are, whatever the working directory. */
    static Path benchDir() {
        try {
            Path testClasses = Path.of(BenchData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("bench");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The card UID of elder {@code n} (1-based) in the bench registry: 14 hex digits. */
    static String uidOf(long n) {
        return "04" + String.format(Locale.ROOT, "%012d", n * 7919);
    }

    static String elderIdOf(long n) {
        return String.format(Locale.ROOT, "E%08d", n);
    }

    /**
     * A till data directory whose registry cache holds {@link #ELDERS} elders, each with one active card. Built with
     * {@code INSERT … SELECT … FROM SYSTEM_RANGE} (not the CSV import, which RegistryImportBench measures).
     */
    static TillStore tillWithRegistry() throws SQLException {
        Path dir = benchDir().resolve("till-" + ELDERS);
        TillStore store = TillStore.open(new TillDataDirectory(dir), "T-BENCH", Clock.system(SHANGHAI));
        if (store.registry().elderCount() == ELDERS && store.registry().cardCount() == ELDERS) {
            return store;
        }
        long start = System.nanoTime();
        try (Connection c = store.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("DELETE FROM card");
            c.createStatement().execute("DELETE FROM elder");
            c.commit();
            try (PreparedStatement elders = c.prepareStatement("INSERT INTO elder (elder_id, name, birth_date, categories,"
                    + " registered_district, registered_town, id_last4, phone_last4, status_history)"
                    + " SELECT 'E' || LPAD(X, 8, '0'), '长者' || X, DATEADD(DAY, MOD(X, 14000), DATE '1921-01-01'),"
                    + " CASE MOD(X, 40) WHEN 0 THEN 'minimum_living' WHEN 1 THEN 'disabled:2;living_alone' ELSE '' END,"
                    + " '440118', '44011800' || MOD(X, 10), LPAD(MOD(X, 10000), 4, '0'), LPAD(MOD(X * 7, 10000), 4, '0'), ''"
                    + " FROM SYSTEM_RANGE(?, ?)");
                 PreparedStatement cards = c.prepareStatement("INSERT INTO card (card_uid, elder_id, status, status_since)"
                    + " SELECT '04' || LPAD(X * 7919, 12, '0'), 'E' || LPAD(X, 8, '0'), 'ACTIVE',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 08:00:00+08:00' FROM SYSTEM_RANGE(?, ?)")) {
                for (long from = 1; from <= ELDERS; from += CHUNK) {
                    long to = Math.min(ELDERS, from + CHUNK - 1);
                    elders.setLong(1, from);
                    elders.setLong(2, to);
                    elders.executeUpdate();
                    cards.setLong(1, from);
                    cards.setLong(2, to);
                    cards.executeUpdate();
                    c.commit();
                }
            }
            c.createStatement().execute("INSERT INTO registry_import (kind, source, rows_accepted, rows_rejected, finished_at)"
                    + " VALUES ('elders', 'bench', " + ELDERS + ", 0, CURRENT_TIMESTAMP), ('cards', 'bench', " + ELDERS
                    + ", 0, CURRENT_TIMESTAMP)");
            c.commit();
        }
        System.out.printf("%nbench registry of %,d elders + cards built in %.1f s (%s, %,d MB)%n", ELDERS,
                (System.nanoTime() - start) / 1e9, dir, sizeMb(dir.resolve("db").resolve("till.mv.db")));
        return store;
    }

    static long sizeMb(Path file) {
        try {
            return Files.size(file) / 1_000_000;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * The {@link #tillWithRegistry()} data opened as a whole {@link Till}: the demo canteen and menu, the Zengcheng
     * policy and the demo staff installed on first use; receipts to the on-screen printer; a lunchtime clock.
     */
    static Till checkoutTill() throws Exception {
        Path dir = benchDir().resolve("till-" + ELDERS);
        Path policies = benchDir().getParent().getParent().getParent().resolve("policies");
        try (TillStore store = tillWithRegistry()) {
            Path demo = benchDir().resolve("demo-registry");
            if (!Files.isRegularFile(demo.resolve(RegistryFormat.MENU.fileName()))) {
                new DemoDataGenerator().generate(DemoDataGenerator.Options.of(50, 1), demo);
            }
            if (store.menus().findCanteen("C01").isEmpty()) {
                store.menus().importCanteens(demo.resolve(RegistryFormat.CANTEENS.fileName()));
                store.menus().importMenu(demo.resolve(RegistryFormat.MENU.fileName()));
            }
            if (store.policies().inForceOn(BENCH_POLICY_ID, LocalDate.now(SHANGHAI)).isEmpty()) {
                Path file = policies.resolve("guangzhou-zengcheng-2020.yaml");
                store.installPolicy(new PolicyLoader().load(file), Files.readString(file, StandardCharsets.UTF_8));
            }
            StaffRegistry staff = new StaffRegistry(store);
            if (staff.all().isEmpty()) {
                DemoStaff.writeCsv(demo.resolve("staff.csv"), new PinHasher(PinHasher.DEFAULT_COST));
                staff.importCsv(demo.resolve("staff.csv"), "bench");
            }
        }
        return Till.open(new TillSetup(dir, "T-BENCH", "C01", BENCH_POLICY_ID, SHANGHAI, new PrinterTarget.Screen(), 80,
                Map.of(), "zh"), DemoTill.lunchtimeClock());
    }
}
