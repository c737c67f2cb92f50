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
    void theTillsCommandLineHasNoneOfTheAdministratorsTools(@TempDir Path dir) throws Exception {
        // The issuing key, card faces, demo data and policy simulation are the admin jar's (issue 12 section 0).
        for (String[] adminOnly : new String[][] {
                {"demo-data", "--elders", "5", "--out", dir.toString()},
                {"qr", "keygen", "--out", dir.toString()},
                {"qr", "issue", "--elder", "E1", "--key", "k.key", "--out", dir.resolve("q.png").toString()},
                {"card", "print", "--elder", "E1", "--key", "k.key", "--out", dir.resolve("c.png").toString()},
                {"policy", "simulate", "--policy", "p.yaml", "--purchases", "p.csv"}}) {
            Run r = run(adminOnly);
            assertThat(r.status()).as(String.join(" ", adminOnly)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", adminOnly)).contains("Unmatched argument");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theHelpListsTheTillSideCommands() {
        Run r = run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("till", "demo", "journal", "policy", "qr", "card", "receipt", "staff")
                .doesNotContain("demo-data");
        // every command has --help (outside checks run `./yishi journal verify --help`)
        Run verify = run("journal", "verify", "--help");
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).contains("Usage: yishi journal verify", "--public-key", "--anchor");
    }

    @Test
    void englishOnRequestChineseByDefault() {
        Path missing = Path.of("no-such-policy.yaml");

        assertThat(run("policy", "check", missing.toString()).out()).contains("no-such-policy.yaml").doesNotContain("MISSING");
        assertThat(run("--lang", "en", "policy", "check", missing.toString()).out()).startsWith("MISSING no-such-policy.yaml");
    }

    @Test
    void misuseExitsWithTwoAndSaysWhy() {
        Run noCommand = run();
        Run unknown = run("no-such-command");

        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.out()).contains("Usage:");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-command");
    }
}
