package org.yishi.config.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.PinHasher;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;
import org.yishi.config.registry.StaffRecord;
import org.yishi.core.elder.Card;
import org.yishi.core.elder.CardStatus;
import org.yishi.core.elder.ElderState;

class DemoDataGeneratorTest {

    private static final int ELDERS = 5000;

    @TempDir
    static Path dir;

    private static DemoDataGenerator.Summary summary;
    private static final List<ElderRecord> elders = new ArrayList<>();
    private static final List<Card> cards = new ArrayList<>();
    private static final List<RowError> errors = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = new DemoDataGenerator().generate(DemoDataGenerator.Options.of(ELDERS, 42), dir.resolve("a"));
        try (Reader r = Files.newBufferedReader(dir.resolve("a/elders.csv"))) {
            RegistryFormat.ELDERS.read(r, "elders.csv", elders::add, errors::add);
        }
        try (Reader r = Files.newBufferedReader(dir.resolve("a/cards.csv"))) {
            RegistryFormat.CARDS.read(r, "cards.csv", cards::add, errors::add);
        }
    }

    @Test
    void everyRowReadsBackThroughTheRegistryFormats() throws IOException {
        assertThat(errors).isEmpty();
        assertThat(elders).hasSize(ELDERS);
        assertThat(cards).hasSize((int) summary.cards());
        List<Object> canteens = new ArrayList<>();
        List<Object> menu = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("a/canteens.csv"))) {
            RegistryFormat.CANTEENS.read(r, "canteens.csv", canteens::add, errors::add);
        }
        try (Reader r = Files.newBufferedReader(dir.resolve("a/menu.csv"))) {
            RegistryFormat.MENU.read(r, "menu.csv", menu::add, errors::add);
        }
        assertThat(errors).isEmpty();
        assertThat(org.yishi.config.registry.RegistryManifest.read(dir.resolve("a")))
                .isEqualTo(org.yishi.config.registry.RegistryManifest.of(org.yishi.core.elder.RegistryMode.FULL));
        assertThat(canteens).hasSize(20);
        assertThat(menu).hasSize(summary.menuItems());
    }

    @Test
    void residentIdsAndCardUidsAreUnique() {
        Set<String> ids = new HashSet<>();
        elders.forEach(e -> ids.add(e.residentId().fullNumber()));
        assertThat(ids).hasSize(ELDERS);
        Set<String> uids = new HashSet<>();
        cards.forEach(c -> uids.add(c.uid()));
        assertThat(uids).hasSize(cards.size());
    }

    @Test
    void theMixLooksLikeARealCity() {
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        long over80 = elders.stream().filter(e -> e.toTillElder().ageOn(asOf) >= 80).count();
        long minimumLiving = elders.stream().filter(e -> e.categories().stream().anyMatch(c -> c.code().equals("minimum_living"))).count();
        long deceased = elders.stream().filter(e -> e.status() == ElderState.DECEASED).count();
        long lost = cards.stream().filter(c -> c.status() == CardStatus.LOST).count();
        assertThat(elders).allSatisfy(e -> assertThat(e.toTillElder().ageOn(asOf)).isBetween(60, 105));
        assertThat(over80).isBetween(ELDERS * 14L / 100, ELDERS * 24L / 100);
        assertThat(minimumLiving).isBetween(ELDERS / 100L, ELDERS * 5L / 100);
        assertThat(deceased).isPositive().isLessThan(ELDERS / 50L);
        assertThat(lost).isPositive().isLessThan(ELDERS / 40L);
        assertThat(elders).extracting(ElderRecord::name).allSatisfy(n -> assertThat(n.codePointCount(0, n.length())).isBetween(2, 4));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(ELDERS, 42), dir.resolve("b"));
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(ELDERS, 43), dir.resolve("c"));
        for (String f : List.of("elders.csv", "cards.csv", "purchases.csv", "staff.csv")) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(dir.resolve("a/elders.csv"), dir.resolve("c/elders.csv"))).isNotEqualTo(-1L);
        // another seed, other salts: the same public demo PINs do not give the same hashes
        assertThat(Files.mismatch(dir.resolve("a/staff.csv"), dir.resolve("c/staff.csv"))).isNotEqualTo(-1L);
    }

    @Test
    void theDemoStaffAreThereForEveryCanteenAsPinHashesOnly() throws IOException {
        List<StaffRecord> staff = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("a/staff.csv"), StandardCharsets.UTF_8)) {
            RegistryFormat.STAFF.read(r, "staff.csv", staff::add, errors::add);
        }
        assertThat(errors).isEmpty();
        assertThat(summary.staff()).isEqualTo(staff.size()).isEqualTo(DemoStaff.MEMBERS.size());
        PinHasher pins = new PinHasher(PinHasher.DEFAULT_COST);
        for (DemoStaff.Member m : DemoStaff.MEMBERS) {
            StaffRecord row = staff.stream().filter(s -> s.staffNo().equals(m.staffNo())).findFirst().orElseThrow();
            assertThat(row.roles()).isEqualTo(m.roles());
            assertThat(row.everyCanteen()).as("no canteen_id: every demo canteen").isTrue();
            assertThat(row.pinHash()).startsWith("$2a$10$").doesNotContain(m.demoPin());
            assertThat(pins.matches(m.demoPin().toCharArray(), row.pinHash())).isTrue();
        }
        assertThat(staff).extracting(StaffRecord::staffNo).contains("1001", "2001");
    }

    @Test
    void purchasesAreInTimeOrderWithTheSimulateColumns() throws IOException {
        assertThat(summary.purchases()).isGreaterThan(ELDERS);
        try (Reader r = Files.newBufferedReader(dir.resolve("a/purchases.csv"), StandardCharsets.UTF_8)) {
            CsvReader csv = CsvReader.open(r);
            assertThat(csv.header().keySet()).containsExactlyElementsOf(PurchasePlan.COLUMNS);
            String previous = "";
            int n = 0;
            for (CsvRecord row = csv.next().orElse(null); row != null; row = csv.next().orElse(null)) {
                assertThat(row.get("time")).isGreaterThanOrEqualTo(previous);
                assertThat(row.get("channel")).isIn("dine_in", "delivery");
                previous = row.get("time");
                n++;
            }
            assertThat(n).isEqualTo(summary.purchases());
        }
    }

    @Test
    void refusesAbsurdSizes() {
        assertThatThrownBy(() -> DemoDataGenerator.Options.of(0, 1)).hasMessageContaining("--elders");
    }
}
