package org.yishi.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.admin.AdminCommandRunner.Run;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.SampleJournal;
import org.yishi.core.journal.TillKeys;

class AdminCommandTest {

    @Test
    void theHelpListsTheAdministratorsCommandsAndJournalVerify() {
        Run r = AdminCommandRunner.run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("qr", "card", "demo-data", "policy", "journal");
        assertThat(AdminCommandRunner.run("qr", "--help").out()).contains("keygen", "issue").doesNotContain("verify  ");
        assertThat(AdminCommandRunner.run("policy", "--help").out()).contains("simulate");
        // every command has --help (outside checks run `./yishi qr keygen --help`)
        Run keygen = AdminCommandRunner.run("qr", "keygen", "--help");
        assertThat(keygen.status()).isZero();
        assertThat(keygen.out()).contains("Usage: yishi qr keygen", "--out", "--key-id");
    }

    @Test
    void journalVerifyRunsFromTheAdministratorsJarToo(@TempDir Path dir) {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        SampleJournal.write(file, keys);

        Run ok = AdminCommandRunner.run("--lang", "en", "journal", "verify", file.toString(),
                "--public-key", JournalFormat.encodePublicKey(keys.publicKey()));
        Run zh = AdminCommandRunner.run("journal", "verify", file.toString());

        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("OK " + file, SampleJournal.RECORDS + " records verified", "pinned key(s)");
        assertThat(zh.status()).isZero();
        assertThat(zh.out()).contains("通过", "首次信任");
    }

    @Test
    void theTillsCommandsAreNotHere() {
        for (List<String> tillOnly : List.of(List.of("till", "--demo"), List.of("qr", "verify", "--payload", "YSQ1", "--keys", "k"),
                List.of("card", "listen"), List.of("policy", "check", "p.yaml"), List.of("staff", "hash-pin"))) {
            Run r = AdminCommandRunner.run(tillOnly.toArray(String[]::new));
            assertThat(r.status()).as(String.join(" ", tillOnly)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", tillOnly)).containsAnyOf("Unmatched argument", "Unknown");
        }
    }

    @Test
    void noCommandPrintsTheUsageAndExitsTwo() {
        Run r = AdminCommandRunner.run();

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("Usage: yishi");
    }
}
