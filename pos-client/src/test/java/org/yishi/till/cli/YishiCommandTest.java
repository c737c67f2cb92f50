package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YishiCommandTest {

    /** Output and exit status of one command line. */
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        YishiCommandRunner.Run r = YishiCommandRunner.run(args);
        return new Run(r.status(), r.out(), r.err());
    }

    @Test
    void demoDataWritesTheRegistryFilesAndSaysSoInChineseByDefault(@TempDir Path dir) {
        Run r = run("demo-data", "--elders", "50", "--seed", "3", "--out", dir.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("长者 50 人");
        assertThat(dir.resolve("elders.csv")).exists();
        assertThat(dir.resolve("cards.csv")).exists();
        assertThat(dir.resolve("purchases.csv")).exists();
    }

    @Test
    void englishOnRequest(@TempDir Path dir) {
        Run r = run("demo-data", "--lang", "en", "--elders", "5", "--out", dir.toString());
        assertThat(r.out()).startsWith("Demo data written to");
    }

    @Test
    void misuseExitsWithTwoAndSaysWhy(@TempDir Path dir) throws Exception {
        Run missing = run("demo-data", "--elders", "5");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--out");
        Run absurd = run("demo-data", "--elders", "0", "--out", dir.toString());
        assertThat(absurd.status()).isEqualTo(1);
        assertThat(absurd.err()).contains("--elders");
        assertThat(Files.list(dir)).isEmpty();
    }
}
