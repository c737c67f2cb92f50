package org.yishi.till.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.cli.YishiCommandRunner;

/** Issue 10 item 4: {@code yishi till simulate} writes an ordinary till that the till and the verifier open. */
class TillSimulationTest {

    @TempDir
    Path dir;

    @Test
    void aSimulatedTillHasDaysOfTradeItsJournalVerifiesAndItsConfigOpensIt() throws Exception {
        Path sim = dir.resolve("sim");
        YishiCommandRunner.Run run = YishiCommandRunner.run("--lang", "en", "till", "simulate", "--dir", sim.toString(),
                "--days", "4", "--meals-per-day", "60", "--seed", "7", "--policies", Path.of("..", "policies").toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Simulated till");
        List<SignedRecord> journal = JournalReader.readAll(sim.resolve("till/journal/journal-GZ-ZC-C01-T1.jsonl"));
        Map<RecordType, Long> types = journal.stream().collect(Collectors.groupingBy(SignedRecord::type, Collectors.counting()));
        assertThat(types.get(RecordType.SHIFT_OPEN)).isEqualTo(4);
        assertThat(types.get(RecordType.SHIFT_CLOSE)).isEqualTo(4);
        assertThat(types.get(RecordType.SALE)).isBetween(200L, 240L); // 4 × 60 less the refused identifications
        assertThat(types).containsKeys(RecordType.STAFF, RecordType.SATISFACTION, RecordType.REGISTRY_UPDATE, RecordType.POLICY_UPDATE);
        assertThat(journal.get(journal.size() - 1).time().toLocalDate()).as("trade ends yesterday")
                .isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));

        YishiCommandRunner.Run verify = YishiCommandRunner.run("--lang", "en", "journal", "verify", sim.resolve("till").toString());
        assertThat(verify.status()).as(verify.out()).isZero();

        Path script = dir.resolve("s.jsonl");
        Files.write(script, List.of("{\"do\":\"login\",\"staff\":\"1001\",\"pin\":\"1234\"}", "{\"do\":\"open_shift\",\"float_fen\":0}",
                "{\"do\":\"walk_in\"}", "{\"do\":\"confirm\",\"pay\":\"cash\",\"tendered_fen\":2000}"), StandardCharsets.UTF_8);
        YishiCommandRunner.Run scripted = YishiCommandRunner.run("till", "--config", sim.resolve("till.yaml").toString(), "--script",
                script.toString());
        assertThat(scripted.status()).as(scripted.out() + scripted.err()).isZero();
        assertThat(scripted.out()).contains("\"state\":\"sale\"");
    }

    @Test
    void itNeverWritesIntoAnExistingTill() throws Exception {
        Files.createDirectories(dir.resolve("sim/till"));
        YishiCommandRunner.Run run = YishiCommandRunner.run("--lang", "en", "till", "simulate", "--dir", dir.resolve("sim").toString(),
                "--days", "1", "--meals-per-day", "5", "--policies", Path.of("..", "policies").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("exists already");
    }

    @Test
    void badNumbersAreAUsageError() {
        YishiCommandRunner.Run run = YishiCommandRunner.run("--lang", "en", "till", "simulate", "--dir", dir.resolve("sim").toString(),
                "--days", "0", "--meals-per-day", "5");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("days must be");
    }
}
