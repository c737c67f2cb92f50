package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyJournalCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void verifiesWithAPinnedKeyAndAnAnchor() {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("j.log");
        List<String> lines = SampleJournal.write(file, keys);
        String last = JournalReader.parseLine(lines.get(lines.size() - 1)).hash();
        int code = run(file.toString(), "--key", JournalFormat.encodePublicKey(keys.publicKey()), "--till", SampleJournal.TILL,
                "--anchor", SampleJournal.RECORDS + ":" + last);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: till GZ-ZC-001, 17 records verified").contains("PINNED_KEYS");
    }

    @Test
    void reportsTheFirstProblemWithExitCode1() throws Exception {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("j.log");
        List<String> lines = SampleJournal.write(file, keys);
        Files.write(file, lines.subList(0, 10), StandardCharsets.UTF_8);
        assertThat(run(file.toString(), "--anchor", "17")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("MISSING_RECORDS").contains("TRUST_ON_FIRST_USE");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.log").toString())).isEqualTo(2);
        assertThat(run("x.log", "--anchor")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--anchor needs a value");
    }
}
