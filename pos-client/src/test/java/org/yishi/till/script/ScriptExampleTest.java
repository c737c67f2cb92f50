package org.yishi.till.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.StrictJsonParser;
import org.yishi.core.journal.TillKeys;
import org.yishi.till.cli.YishiCommandRunner;

/** The example in docs/till-script.md, run as written through {@code yishi till --demo --script}. */
class ScriptExampleTest {

    @TempDir
    Path dir;

    static List<String> example() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "till-script.md"), StandardCharsets.UTF_8);
        String block = doc.substring(doc.indexOf("<!-- example:start -->"), doc.indexOf("<!-- example:end -->"));
        return block.lines().filter(l -> l.startsWith("{")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String out) {
        return out.lines().map(l -> (Map<String, Object>) StrictJsonParser.parse(l)).toList();
    }

    @Test
    void theDocumentedLunchtimeRunsAsDocumented() throws Exception {
        Path script = dir.resolve("lunch.jsonl");
        Files.write(script, example(), StandardCharsets.UTF_8);

        YishiCommandRunner.Run run = YishiCommandRunner.run("till", "--demo", "--dir", dir.resolve("demo").toString(),
                "--policies", Path.of("..", "policies").toString(), "--script", script.toString());

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        List<Map<String, Object>> out = parse(run.out());
        assertThat(out).extracting(m -> m.get("state")).containsExactly("logged_in", "shift_open", "bill", "waiting", "sale",
                "sale", "rated", "refused", "refused", "bill", "cancelled", "bill", "sale", "voided", "bill", "sale", "shift_closed");
        assertThat(out).extracting(m -> m.get("line")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L);
        assertThat(out).allSatisfy(m -> assertThat(m.get("ok")).isEqualTo(true));
        assertThat(out.get(2)).containsEntry("elder_id", "E00000052").containsEntry("subsidy_fen", 700L).containsEntry("copay_fen", 500L)
                .containsEntry("funders", Map.of("city", 300L, "district", 300L, "town", 100L));
        assertThat((String) out.get(3).get("next")).startsWith("下一位").contains("36F6");
        assertThat(out.get(3)).as("the open bill stays A's").containsEntry("elder_id", "E00000052");
        assertThat(out.get(4)).containsEntry("elder_id", "E00000052").containsEntry("change_fen", 500L)
                .containsEntry("next_elder_id", "E00000055").containsEntry("receipt", "GZ-ZC-C01-T1-000007");
        assertThat(out.get(5)).containsEntry("elder_id", "E00000055").containsEntry("copay_fen", 300L);
        assertThat(out.get(7)).containsEntry("reason", "card_lost");
        assertThat(out.get(8)).containsEntry("reason", "elder_deceased");
        assertThat(out.get(9)).containsEntry("reason", "limit_reached").containsEntry("subsidy_fen", 0L);
        assertThat(out.get(13)).containsEntry("receipt", "GZ-ZC-C01-T1-000012").containsEntry("copay_back_fen", 1200L);
        assertThat(out.get(15)).containsEntry("reason", "outside_meal_window").containsEntry("subsidy_fen", 0L);
        assertThat(out.get(16)).containsEntry("variance_fen", 0L);

        Path journal = dir.resolve("demo/till/journal/journal-GZ-ZC-C01-T1.jsonl");
        List<SignedRecord> records = JournalReader.readAll(journal);
        assertThat(records.stream().filter(r -> r.type() == RecordType.IDENTIFICATION_REFUSED)).hasSize(2);
        assertThat(records.stream().filter(r -> r.type() == RecordType.SALE)).hasSize(4);
        assertThat(JournalVerifier.builder().trustKey(TillKeys.load(dir.resolve("demo/till/keys/till-ed25519.key")).publicKey())
                .build().verify(journal).ok()).isTrue();
    }

    @Test
    void aMalformedScriptNamesItsLineAndRunsNothing() throws Exception {
        Path script = dir.resolve("bad.jsonl");
        Files.write(script, List.of("{\"do\":\"login\",\"staff\":\"1001\",\"pin\":\"1234\"}", "", "{\"do\":\"tap\",\"uid\":\"04\",\"amount\":3}"),
                StandardCharsets.UTF_8);

        YishiCommandRunner.Run run = YishiCommandRunner.run("till", "--demo", "--dir", dir.resolve("demo").toString(),
                "--policies", Path.of("..", "policies").toString(), "--script", script.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("line 3").contains("tap takes no \"amount\"");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("demo")).doesNotExist();
    }

    @Test
    void aLineThatCannotBeCarriedOutExitsOneAndTheRestStillRuns() throws Exception {
        Path script = dir.resolve("partial.jsonl");
        Files.write(script, List.of(
                "{\"do\":\"login\",\"at\":\"2026-11-02T11:30:00\",\"staff\":\"1001\",\"pin\":\"1234\"}",
                "{\"do\":\"confirm\",\"pay\":\"cash\"}",
                "{\"do\":\"open_shift\",\"float_fen\":0}",
                "{\"do\":\"walk_in\"}",
                "{\"do\":\"confirm\",\"pay\":\"cash\",\"tendered_fen\":100}",
                "{\"do\":\"login\",\"staff\":\"1001\",\"pin\":\"0000\"}"), StandardCharsets.UTF_8);

        YishiCommandRunner.Run run = YishiCommandRunner.run("till", "--demo", "--dir", dir.resolve("demo").toString(),
                "--policies", Path.of("..", "policies").toString(), "--script", script.toString());

        assertThat(run.status()).isEqualTo(1);
        List<Map<String, Object>> out = parse(run.out());
        assertThat(out).hasSize(6);
        assertThat(out.get(1)).containsEntry("ok", false).containsEntry("state", "error");
        assertThat(out.get(4)).containsEntry("ok", true).containsEntry("state", "refused").containsEntry("reason", "cash_short");
        assertThat(out.get(5)).containsEntry("state", "refused").containsEntry("reason", "wrong_pin");
    }
}
