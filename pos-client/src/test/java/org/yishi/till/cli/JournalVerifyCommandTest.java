package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.SampleJournal;
import org.yishi.core.journal.TillKeys;
import org.yishi.till.cli.YishiCommandTest.Run;

class JournalVerifyCommandTest {

    @TempDir
    Path dir;

    @Test
    void verifiesWithAPinnedKeyAndAnAnchor() {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        List<String> lines = SampleJournal.write(file, keys);
        String last = JournalReader.parseLine(lines.get(lines.size() - 1)).hash();
        Run r = YishiCommandTest.run("journal", "verify", file.toString(), "--lang", "en",
                "--public-key", JournalFormat.encodePublicKey(keys.publicKey()), "--till", SampleJournal.TILL,
                "--anchor", SampleJournal.RECORDS + ":" + last);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("OK " + file).contains(SampleJournal.RECORDS + " records verified")
                .contains("pinned key(s)");
    }

    @Test
    void namesTheFirstProblemInChineseAndExitsWithOne() throws Exception {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        List<String> lines = SampleJournal.write(file, keys);
        Files.write(file, lines.subList(0, 10), StandardCharsets.UTF_8);
        Run r = YishiCommandTest.run("journal", "verify", file.toString(), "--anchor", "17");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("未通过").contains("MISSING_RECORDS").contains("首次信任");
    }

    @Test
    void aTamperedSignatureIsCaughtOnItsLine() throws Exception {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        List<String> lines = new java.util.ArrayList<>(SampleJournal.write(file, keys));
        String fifth = lines.get(4);
        lines.set(4, (fifth.charAt(0) == 'A' ? "B" : "A") + fifth.substring(1));
        Files.write(file, lines, StandardCharsets.UTF_8);
        Run r = YishiCommandTest.run("--lang", "en", "journal", "verify", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("BAD_SIGNATURE at line 5");
    }

    @Test
    void nothingToVerifyIsAUsageError() {
        Run r = YishiCommandTest.run("journal", "verify", dir.resolve("missing").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("没有找到流水文件");
    }
}
