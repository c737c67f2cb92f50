package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.config.demo.DemoDataGenerator;
import org.yishi.till.cli.YishiCommandTest.Run;

/**
 * {@code yishi till --config FILE [--check]}: a bad file is refused with every problem (exit 2), a good one is
 * checked without opening anything, and a till that is not installed says so (exit 1). No test here opens a window.
 */
class TillCommandConfigTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aBadConfigurationPrintsEveryProblemAndExits2() throws IOException {
        Path file = write("bad.yaml", """
                till_id: T1
                canteen_id: C01
                policy_id: guangzhou-zengcheng
                data_dir: data
                printer: { target: "tcp://printer", paper_mm: 70 }
                staff: { idle_lock_minuts: 3 }
                """);

        Run run = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("INVALID " + file + ": 3 problem(s); the till was not started",
                "  " + file + ":5:20: printer.target: printer target 'tcp://printer' has no port",
                "  " + file + ":5:47: printer.paper_mm: receipt paper is 58 or 80 (mm wide), not \"70\"",
                "  " + file + ":6:10: staff.idle_lock_minuts: unknown key \"idle_lock_minuts\" (did you mean idle_lock_minutes?)");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void checkPrintsTheEffectiveSettingsAndOpensNothing() throws IOException {
        write("keys/trusted.keys", "k2026=" + QrKeys.publicKeyToBase64(QrKeys.generate().getPublic()) + "\n");
        Path file = write("till.yaml", """
                till_id: GZ-ZC-C01-T1
                canteen_id: C01
                policy_id: guangzhou-zengcheng
                data_dir: data
                printer: { target: "cups:receipts", paper_mm: 58 }
                card_readers: { pcsc: { reader_filter: PICC, elder_file_aid: F059495348490001 } }
                qr: { trusted_keys: keys/trusted.keys }
                staff: { idle_lock_minutes: 2 }
                """);

        Run run = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString(), "--check");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains(
                "till GZ-ZC-C01-T1 · canteen C01 · policy guangzhou-zengcheng · zone Asia/Shanghai · language zh",
                "data directory: " + dir.resolve("data").toAbsolutePath().normalize(),
                "printer: cups:receipts, 58 mm paper",
                "card readers: PC/SC, debounce 800 ms, readers matching \"PICC\", UID as read, elder file AID F059495348490001",
                "QR codes: trusted keys k2026 (from " + dir.resolve("keys/trusted.keys").toAbsolutePath().normalize() + ")",
                "staff: idle lock after 2 min; 5 wrong PINs lock out for 5 min; self-approval not allowed",
                "customer display: on");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void checkSpeaksChineseByDefault() throws IOException {
        Path file = write("min.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\n");

        Run run = YishiCommandTest.run("till", "--config", file.toString(), "--check");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("打印机：screen:，纸宽 80 毫米", "读卡器：未配置（仅模拟刷卡面板）", "二维码：不接受");
    }

    @Test
    void aTillWhosePolicyIsNotInstalledSaysSoAndExits1() throws IOException {
        Path file = write("till.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: guangzhou-zengcheng\ndata_dir: data\n");

        Run run = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("Till T1 cannot open from " + dir.resolve("data").toAbsolutePath().normalize()
                + ": no version of policy guangzhou-zengcheng is installed");
    }

    @Test
    void installPutsARegistryExportAndThePolicyIntoTheTillThenItOpens() throws IOException {
        Path file = write("till.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: guangzhou-zengcheng\ndata_dir: data\n");
        Path registry = dir.resolve("export");
        // what the administrator's `demo-data --elders 60 --seed 2` writes, staff.csv (with its canteen_id column) included
        new DemoDataGenerator().generate(DemoDataGenerator.Options.of(60, 2), registry);
        Path policy = Path.of("..", "policies", "guangzhou-zengcheng-2020.yaml");

        Run wrongPolicy = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString(), "--install", registry.toString(),
                "--policy", Path.of("..", "policies", "shenzhen-2025.yaml").toString());
        assertThat(wrongPolicy.status()).isEqualTo(1);
        assertThat(wrongPolicy.err()).contains("is configured for \"guangzhou-zengcheng\"");

        Run installed = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString(), "--install", registry.toString(),
                "--policy", policy.toString());
        assertThat(installed.status()).as(installed.out() + installed.err()).isZero();
        assertThat(installed.out()).contains("Imported elders.csv: 60 rows, 0 refused").contains("Till T1 installed")
                .contains("guangzhou-zengcheng 2020.1")
                .contains("Registry export " + registry + ": full (as its manifest.csv says)")
                .contains("Imported cards.csv: ").contains("; full export: 0 blocked, 0 removed")
                .contains("Imported staff.csv: 4 staff, 0 refused");

        // a delta whose only card row is unreadable: the card is blocked, and the output says so and which
        Path delta = dir.resolve("delta");
        Files.createDirectories(delta);
        for (String f : List.of("canteens.csv", "menu.csv")) {
            Files.copy(registry.resolve(f), delta.resolve(f));
        }
        Files.writeString(delta.resolve("manifest.csv"), "mode\ndelta\n");
        Files.writeString(delta.resolve("elders.csv"), Files.readAllLines(registry.resolve("elders.csv")).get(0) + "\n");
        String card = Files.readAllLines(registry.resolve("cards.csv")).get(1);
        String uid = card.substring(0, card.indexOf(','));
        Files.writeString(delta.resolve("cards.csv"), "card_uid,elder_id,status,since\n" + uid + ",E00000001,lsot,2026-11-01T09:00+08:00\n");
        Run blocked = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString(), "--install", delta.toString(),
                "--policy", policy.toString());
        assertThat(blocked.status()).as("a refused row makes the install exit 1").isEqualTo(1);
        assertThat(blocked.out()).contains("Registry export " + delta + ": delta (as its manifest.csv says)")
                .contains("Imported cards.csv: 0 rows, 1 refused; delta export: 1 blocked, 0 removed")
                .contains("  cards.csv:2 (" + uid + ", blocked if the till had it): [status] must be one of active|lost|revoked");

        try (var till = new org.yishi.till.config.TillConfigMapping().load(file).open(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")))) {
            assertThat(till.canteen().id()).isEqualTo("C01");
            assertThat(till.status().elders()).isEqualTo(60);
        }
        Run half = YishiCommandTest.run("--lang", "en", "till", "--config", file.toString(), "--install", registry.toString());
        assertThat(half.status()).isEqualTo(2);
        assertThat(half.err()).contains("go together");
    }

    @Test
    void demoAndConfigAreExclusiveAndCheckNeedsConfig() throws IOException {
        Path file = write("min.yaml", "till_id: T1\ncanteen_id: C01\npolicy_id: p\ndata_dir: data\n");

        Run both = YishiCommandTest.run("till", "--demo", "--config", file.toString());
        Run neither = YishiCommandTest.run("--lang", "en", "till");
        Run demoCheck = YishiCommandTest.run("--lang", "en", "till", "--demo", "--check");

        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(neither.status()).isEqualTo(2);
        assertThat(neither.err()).contains("Say which till: --demo or --config FILE");
        assertThat(demoCheck.status()).isEqualTo(2);
        assertThat(demoCheck.err()).contains("--check goes with --config FILE");
    }
}
