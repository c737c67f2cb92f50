package org.yishi.till.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.pcsc.ElderFileSpec;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.config.till.TillConfigException;
import org.yishi.config.yaml.Problem;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Till;
import org.yishi.till.demo.DemoTillData;
import org.yishi.till.staff.LoginResult;
import org.yishi.till.staff.StaffSettings;

/** A till configuration file mapped onto TillSetup, StaffSettings and PcscSettings, and opened. */
class TillConfigMappingTest {

    @TempDir
    Path dir;

    private final TillConfigMapping mapping = new TillConfigMapping();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Path trustedKeys() throws IOException {
        return write("keys/qr-trusted.keys", "# rotating\nk2026=" + QrKeys.publicKeyToBase64(QrKeys.generate().getPublic())
                + "\nk2027=" + QrKeys.publicKeyToBase64(QrKeys.generate().getPublic()) + "\n");
    }

    @Test
    void everySectionReachesTheSettingsOfItsModule() throws IOException {
        trustedKeys();
        Path file = write("till.yaml", """
                till_id: GZ-ZC-C01-T2
                canteen_id: C01
                policy_id: guangzhou-zengcheng
                zone: Asia/Urumqi
                language: en
                data_dir: data/till
                printer: { target: "tcp://192.168.1.50:9100", paper_mm: 58 }
                card_readers:
                  pcsc: { debounce_ms: 300, reader_filter: PICC, uid_reversed: true, elder_file_aid: "F0 59 49 53 48 49 00 01" }
                qr: { trusted_keys: keys/qr-trusted.keys }
                staff: { idle_lock_minutes: 2, max_failed_pins: 4, lockout_minutes: 10, allow_self_approval: true, approval_valid_seconds: 45 }
                customer_display: false
                """);

        ConfiguredTill c = mapping.load(file);

        assertThat(c.setup().tillId()).isEqualTo("GZ-ZC-C01-T2");
        assertThat(c.setup().canteenId()).isEqualTo("C01");
        assertThat(c.setup().policyId()).isEqualTo("guangzhou-zengcheng");
        assertThat(c.setup().zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(c.clock().getZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(c.setup().language()).isEqualTo("en");
        assertThat(c.setup().dataDir()).isEqualTo(dir.resolve("data/till").toAbsolutePath().normalize());
        assertThat(c.setup().printer()).isEqualTo(new PrinterTarget.Tcp("192.168.1.50", 9100));
        assertThat(c.setup().paperMm()).isEqualTo(58);
        assertThat(c.setup().trustedQrKeys()).containsOnlyKeys("k2026", "k2027");
        assertThat(c.staff()).isEqualTo(new StaffSettings(4, Duration.ofMinutes(10), Duration.ofMinutes(2), true,
                StaffSettings.defaults().bcryptCost(), Duration.ofSeconds(45)));
        PcscSettings defaults = PcscSettings.defaults();
        assertThat(c.pcsc()).contains(defaults.withDebounce(Duration.ofMillis(300)).withReaderFilter("PICC").withUidReversed(true)
                .withElderFile(ElderFileSpec.ofHex(ElderFileSpec.YISHI_AID, TillConfigMapping.ELDER_FILE_LENGTH)));
        assertThat(c.pcsc().orElseThrow().pollInterval()).isEqualTo(defaults.pollInterval());
        assertThat(c.customerDisplay()).isFalse();
    }

    @Test
    void leftOutSectionsTakeEachModulesDefaults() throws IOException {
        Path file = write("min.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\n");

        ConfiguredTill c = mapping.load(file);

        assertThat(c.staff()).isEqualTo(StaffSettings.defaults());
        assertThat(c.pcsc()).isEmpty();
        assertThat(c.setup().printer()).isEqualTo(new PrinterTarget.Screen());
        assertThat(c.setup().paperMm()).isEqualTo(80);
        assertThat(c.setup().trustedQrKeys()).isEmpty();
        assertThat(c.setup().language()).isEqualTo("zh");
        assertThat(c.customerDisplay()).isTrue();
    }

    @Test
    void disabledReadersAreNotWatchedAndPartialStaffKeepsTheOtherDefaults() throws IOException {
        Path file = write("off.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: data
                card_readers: { pcsc: { enabled: false, debounce_ms: 100 } }
                staff: { max_failed_pins: 3 }
                """);

        ConfiguredTill c = mapping.load(file);

        assertThat(c.pcsc()).isEmpty();
        StaffSettings d = StaffSettings.defaults();
        assertThat(c.staff()).isEqualTo(new StaffSettings(3, d.lockoutDuration(), d.idleLockAfter(), d.allowSelfApproval(), d.bcryptCost(),
                Duration.ofMinutes(2)));
    }

    @Test
    void aPrinterTargetTheReceiptsParserRefusesIsReportedAtItsLine() throws IOException {
        Path file = write("printer.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: data
                printer:
                  target: "tcp://192.168.1.50"
                  paper_mm: 80
                """);

        TillConfigException e = catchThrowableOfType(TillConfigException.class, () -> mapping.load(file));

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(file + ":6:11: printer.target: printer target "
                + "'tcp://192.168.1.50' has no port: write tcp://192.168.1.50:9100 (9100 is the usual raw printing port)");
    }

    @Test
    void aMalformedTrustedKeysFileIsAProblemOfTheConfiguration() throws IOException {
        write("keys/bad.keys", "k1=not-a-key\n");
        Path file = write("qr.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\nqr: { trusted_keys: keys/bad.keys }\n");

        TillConfigException e = catchThrowableOfType(TillConfigException.class, () -> mapping.load(file));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo("qr.trusted_keys");
            assertThat(p.message()).startsWith(dir.resolve("keys/bad.keys").toAbsolutePath().normalize() + ":1: key k1:");
        });
    }

    @Test
    void aTillWhosePolicyIsNotInstalledSaysSoAndLeavesNothingOpen() throws IOException {
        Path file = write("empty.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: guangzhou-zengcheng\ndata_dir: empty\n");
        ConfiguredTill c = mapping.load(file);

        assertThatThrownBy(() -> c.open(c.clock())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no version of policy guangzhou-zengcheng is installed");
        // The store was closed again: a second attempt gets the same answer, not a locked database.
        assertThatThrownBy(() -> c.open(c.clock())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("install one before selling");
    }

    @Test
    void theConfiguredLoginRulesGovernTheOpenedTill() throws IOException {
        Instant lunch = Instant.parse("2026-11-23T03:35:00Z");
        try (Till demo = DemoTill.open(dir.resolve("demo"), Path.of("..", "policies"), java.time.Clock.fixed(lunch, DemoTill.ZONE),
                "zh", new PrinterTarget.Screen())) {
            assertThat(demo.staff().settings()).isEqualTo(StaffSettings.defaults());
        }
        Path file = write("demo/till.yaml", """
                till_id: %s
                canteen_id: %s
                policy_id: guangzhou-zengcheng
                data_dir: till
                staff: { max_failed_pins: 2, lockout_minutes: 7 }
                """.formatted(DemoTillData.TILL_ID, DemoTillData.CANTEEN_ID));
        ConfiguredTill c = mapping.load(file);

        try (Till till = c.open(java.time.Clock.fixed(lunch, c.setup().zone()))) {
            assertThat(till.tillId()).isEqualTo(DemoTillData.TILL_ID);
            assertThat(till.canteen().id()).isEqualTo(DemoTillData.CANTEEN_ID);
            assertThat(till.staff().settings()).isEqualTo(c.staff());
            assertThat(till.staff().login("1001", "0000".toCharArray())).isInstanceOf(LoginResult.WrongPin.class);
            LoginResult second = till.staff().login("1001", "0000".toCharArray());
            assertThat(second).isInstanceOf(LoginResult.LockedOut.class);
            assertThat(((LoginResult.LockedOut) second).until()).isEqualTo(lunch.plus(Duration.ofMinutes(7)));
        }
    }
}
