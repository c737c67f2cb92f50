package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process (SIGKILL, no shutdown hooks) in the middle of appending and checks that every record it
 * acknowledged is in the journal, and that the journal reopens and verifies. Page-cache loss on power failure is
 * not simulated here (it would need a VM); the torn-tail tests cover its effect on the file.
 */
class JournalCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesAKillAndTheJournalReopens() throws Exception {
        Path journal = dir.resolve("journal.log");
        Path keyFile = dir.resolve("till.key");
        TillKeys keys = TillKeys.loadOrCreate(keyFile);
        long acknowledged = 0;
        for (int round = 0; round < 2; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingAppender.class.getName(),
                    journal.toString(), keyFile.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (int seen = 0; seen < 60; seen++) {
                    String line = out.readLine();
                    assertThat(line).as("child stopped early (exit %s)", child.isAlive() ? "-" : child.exitValue()).isNotNull();
                    acknowledged = Long.parseLong(line);
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            try (JournalWriter w = JournalWriter.open(journal, keys, "CRASH-1", SteppingClock.lunchtime())) {
                assertThat(w.lastSeq()).as("round %d: journal holds every acknowledged record", round)
                        .isGreaterThanOrEqualTo(acknowledged);
            }
            VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(journal);
            assertThat(report.ok()).as(report.summary()).isTrue();
        }
    }
}
