package org.yishi.config.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.yaml.Problem;

/** The till configuration file: a good file, defaults, relative paths, and every kind of mistake at its line. */
class TillConfigLoaderTest {

    @TempDir
    Path dir;

    private final TillConfigLoader loader = new TillConfigLoader();

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void shippedExampleLoadsWithEverySetting() throws IOException {
        Path file = write("till.yaml", Files.readString(Path.of("till.example.yaml")));
        write("keys/qr-trusted.keys", "k1=AAAA\n");

        TillConfig c = loader.load(file);

        assertThat(c.tillId()).isEqualTo("GZ-ZC-C01-T1");
        assertThat(c.canteenId()).isEqualTo("C01");
        assertThat(c.policyId()).isEqualTo("guangzhou-zengcheng");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.language()).isEqualTo("zh");
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/yishi/till"));
        assertThat(c.printer()).isEqualTo(new TillConfig.Printer("tcp://192.168.1.50:9100", 80));
        TillConfig.Pcsc pcsc = c.cardReaders().pcsc().orElseThrow();
        assertThat(pcsc.enabled()).isTrue();
        assertThat(pcsc.debounce()).contains(Duration.ofMillis(800));
        assertThat(pcsc.readerFilter()).isEqualTo("PICC");
        assertThat(pcsc.uidReversed()).isFalse();
        assertThat(pcsc.elderFileAid()).contains("F059495348490001");
        assertThat(c.trustedQrKeys()).contains(dir.resolve("keys/qr-trusted.keys").toAbsolutePath().normalize());
        assertThat(c.staff()).isEqualTo(new TillConfig.Staff(Optional.of(Duration.ofMinutes(3)), Optional.of(5),
                Optional.of(Duration.ofMinutes(5)), Optional.of(false), Optional.of(Duration.ofSeconds(120))));
        assertThat(c.customerDisplay()).isTrue();
        assertThat(c.file()).isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void optionalSectionsTakeTheirDefaults() throws IOException {
        Path file = write("min.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: guangzhou-zengcheng
                data_dir: data
                """);

        TillConfig c = loader.load(file);

        assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.language()).isEqualTo("zh");
        assertThat(c.printer()).isEqualTo(new TillConfig.Printer("screen:", 80));
        assertThat(c.cardReaders().pcsc()).isEmpty();
        assertThat(c.trustedQrKeys()).isEmpty();
        assertThat(c.staff()).isEqualTo(TillConfig.Staff.DEFAULTS);
        assertThat(c.customerDisplay()).isTrue();
    }

    @Test
    void anApprovalMayBeValidForTenSecondsToTenMinutes() throws IOException {
        String base = "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\nstaff:\n  approval_valid_seconds: ";
        assertThat(loader.load(write("ok.yaml", base + "30\n")).staff().approvalValid()).contains(Duration.ofSeconds(30));
        Path tooLong = write("long.yaml", base + "3600\n");
        TillConfigException e = catchThrowableOfType(TillConfigException.class, () -> loader.load(tooLong));
        assertThat(e.problems()).extracting(Problem::toString)
                .containsExactly(tooLong + ":6:27: staff.approval_valid_seconds: must be between 10 and 600 (3600)");
    }

    @Test
    void pcscSectionAloneIsEnabledWithReaderDefaults() throws IOException {
        Path file = write("pcsc.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: data
                language: en
                zone: Asia/Urumqi
                printer: { paper_mm: 58 }
                card_readers: { pcsc: {} }
                customer_display: false
                """);

        TillConfig c = loader.load(file);

        assertThat(c.cardReaders().pcsc()).contains(new TillConfig.Pcsc(true, Optional.empty(), "", false, Optional.empty()));
        assertThat(c.printer()).isEqualTo(new TillConfig.Printer("screen:", 58));
        assertThat(c.language()).isEqualTo("en");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(c.customerDisplay()).isFalse();
    }

    @Test
    void relativePathsResolveAgainstTheFilesDirectoryNotTheWorkingDirectory() throws IOException {
        write("etc/keys/trusted.keys", "k1=AAAA\n");
        Path file = write("etc/till.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: ../var/till
                qr: { trusted_keys: keys/trusted.keys }
                """);
        Path absolute = write("abs.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: %s
                """.formatted(dir.resolve("elsewhere").toAbsolutePath()));

        TillConfig c = loader.load(file);

        assertThat(c.dataDir()).isEqualTo(dir.resolve("var/till").toAbsolutePath().normalize());
        assertThat(c.trustedQrKeys()).contains(dir.resolve("etc/keys/trusted.keys").toAbsolutePath().normalize());
        assertThat(loader.load(absolute).dataDir()).isEqualTo(dir.resolve("elsewhere").toAbsolutePath());
    }

    /** Line numbers are asserted below: keep the lines where they are. */
    private static final String BAD = """
            till_id: GZ ZC/01
            canteen_id: C01
            zone: Asia/Beijing
            language: fr
            data_dir: data
            printer:
              target: "tpc://printer:9100"
              paper_mm: 70
            card_readers:
              pcsc:
                enabled: yes
                debounce_ms: -5
                elder_file_aid: F05949
                uid_revresed: true
            qr:
              trusted_keys: keys/missing.keys
            staff:
              idle_lock_minutes: 0
              max_failed_pins: many
              lockout_minutes: 5
              lockout_minutes: 6
            customer_dispaly: true
            """;

    @Test
    void everyProblemIsReportedAtOnceWithLineColumnAndFieldPath() throws IOException {
        Path file = write("bad.yaml", BAD);

        TillConfigException e = catchThrowableOfType(TillConfigException.class, () -> loader.load(file));

        String f = file.toString();
        assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                f + ":1:1: missing required key \"policy_id\"",
                f + ":1:10: till_id: \"GZ ZC/01\" is not a valid code: letters, digits, - and _ (at most 32), starting with a letter or digit, e.g. GZ-ZC-C01-T1",
                f + ":3:7: zone: unknown time zone \"Asia/Beijing\" (write an IANA zone such as Asia/Shanghai)",
                f + ":4:11: language: \"fr\" is not one of zh, en",
                f + ":7:11: printer.target: printer target \"tpc://printer:9100\" must start with tcp://, file:, cups: or screen: (did you mean tcp?)"
                        + " (tcp://192.168.1.50:9100, file:/dev/usb/lp0, cups:QUEUE, screen:)",
                f + ":8:13: printer.paper_mm: receipt paper is 58 or 80 (mm wide), not \"70\"",
                f + ":11:14: card_readers.pcsc.enabled: must be true or false, not \"yes\"",
                f + ":12:18: card_readers.pcsc.debounce_ms: must be between 0 and 10000 (-5)",
                f + ":13:21: card_readers.pcsc.elder_file_aid: an AID has 5 to 16 bytes (ISO 7816-4), \"F05949\" has 3",
                f + ":14:5: card_readers.pcsc.uid_revresed: unknown key \"uid_revresed\" (did you mean uid_reversed?); allowed here: "
                        + "enabled, debounce_ms, reader_filter, uid_reversed, elder_file_aid",
                f + ":16:17: qr.trusted_keys: no such file: " + dir.resolve("keys/missing.keys").toAbsolutePath().normalize(),
                f + ":18:22: staff.idle_lock_minutes: must be between 1 and 1440 (0)",
                f + ":19:20: staff.max_failed_pins: must be a whole number, not \"many\"",
                f + ":21:3: staff.lockout_minutes: key appears twice (first on line 20)",
                f + ":22:1: customer_dispaly: unknown key \"customer_dispaly\" (did you mean customer_display?); allowed here: "
                        + String.join(", ", TillConfigReader.KEYS));
        assertThat(e.total()).isEqualTo(15);
        assertThat(e.getMessage()).startsWith(f + ": 15 problems\n" + f + ":1:1: missing");
    }

    @Test
    void aidThatIsNotHexIsRefused() throws IOException {
        Path file = write("aid.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: data
                card_readers: { pcsc: { elder_file_aid: F0594953484900ZZ } }
                """);

        assertThat(loader.check(file)).extracting(Problem::toString).containsExactly(
                file + ":5:41: card_readers.pcsc.elder_file_aid: an AID is written in hex, two digits a byte (F059495348490001), not \"F0594953484900ZZ\"");
    }

    @Test
    void theOwningModulesPrinterCheckIsReportedAtTheTargetsLine() throws IOException {
        Path file = write("printer.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: p
                data_dir: data
                printer:
                  target: "tcp://192.168.1.50"
                """);
        TillConfigLoader strict = new TillConfigLoader(t -> t.contains(":9100") ? Optional.empty() : Optional.of("has no port"));

        assertThat(loader.check(file)).isEmpty();
        assertThat(strict.check(file)).extracting(Problem::toString)
                .containsExactly(file + ":6:11: printer.target: has no port");
    }

    @Test
    void yamlTricksAndEmptyFilesAreRefused() throws IOException {
        Path aliases = write("alias.yaml", """
                till_id: &id T1
                canteen_id: *id
                policy_id: p
                data_dir: data
                """);
        Path empty = write("empty.yaml", "# nothing\n");
        Path list = write("list.yaml", "- till_id: T1\n");

        assertThat(loader.check(aliases)).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("anchors and aliases (&id / *id) are not allowed"));
        assertThat(loader.check(empty)).extracting(Problem::message).containsExactly("file is empty");
        assertThat(loader.check(list)).extracting(Problem::message).singleElement()
                .satisfies(m -> assertThat(m).startsWith("must be a mapping of keys (till_id, canteen_id"));
        assertThat(loader.check(dir.resolve("absent.yaml"))).extracting(Problem::message).singleElement()
                .satisfies(m -> assertThat(m).startsWith("cannot read file"));
    }

    @Test
    void problemsListIsInFileOrderAndCheckReturnsNothingForAGoodFile() throws IOException {
        Path good = write("good.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\n");
        assertThat(loader.check(good)).isEqualTo(List.of());
    }
}
