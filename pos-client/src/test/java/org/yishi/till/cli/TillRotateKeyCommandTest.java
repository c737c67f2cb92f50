package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.cli.YishiCommandTest.Run;
import org.yishi.core.journal.KeyHistory;
import org.yishi.till.store.TillDataDirectory;

/**
 * {@code yishi till rotate-key} end to end on the demo till: sell, rotate, sell again with the new key, and
 * {@code yishi journal verify DIR} still passes — pinning the till's first key and following the rotation — while
 * tampering and a journal cut off before the rotation are still caught.
 */
class TillRotateKeyCommandTest {

    private static final String TILL = "GZ-ZC-C01-T1";

    @TempDir
    Path dir;

    private Run script(String... lines) throws IOException {
        Path file = dir.resolve("script-" + System.nanoTime() + ".jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return YishiCommandTest.run("till", "--demo", "--dir", dir.resolve("demo").toString(),
                "--policies", Path.of("..", "policies").toString(), "--script", file.toString());
    }

    @Test
    void aRotatedTillSellsOnAndItsDataDirectoryStillVerifies() throws IOException {
        Run before = script("{\"do\":\"login\",\"staff\":\"1001\",\"pin\":\"1234\"}",
                "{\"do\":\"open_shift\",\"float_fen\":50000}",
                "{\"do\":\"tap\",\"uid\":\"0401316D65F3D8\"}",
                "{\"do\":\"confirm\",\"pay\":\"cash\"}",
                "{\"do\":\"walk_in\"}",
                "{\"do\":\"confirm\",\"pay\":\"cash\"}");
        assertThat(before.status()).as(before.out() + before.err()).isZero();
        TillDataDirectory data = new TillDataDirectory(dir.resolve("demo/till"));
        String firstKey = KeyHistory.read(data.keyHistoryFile()).current().keyId();

        Run rotated = YishiCommandTest.run("--lang", "en", "till", "rotate-key", "--demo", "--dir", dir.resolve("demo").toString(),
                "--reason", "annual rotation");

        assertThat(rotated.status()).as(rotated.out() + rotated.err()).isZero();
        KeyHistory history = KeyHistory.read(data.keyHistoryFile());
        String secondKey = history.current().keyId();
        assertThat(history.entries()).extracting(KeyHistory.Entry::keyId).containsExactly(firstKey, secondKey);
        assertThat(rotated.out()).contains("Till " + TILL + ": signing key replaced, " + firstKey + " → " + secondKey)
                .contains("the old private key was deleted").contains(history.current().publicKey());

        Run after = script("{\"do\":\"login\",\"staff\":\"1001\",\"pin\":\"1234\"}",
                "{\"do\":\"tap\",\"uid\":\"0401430A2A36F6\"}",
                "{\"do\":\"confirm\",\"pay\":\"other\",\"method\":\"wechat\",\"ref\":\"4200001234567\"}",
                "{\"do\":\"close_shift\",\"counted_fen\":0,\"supervisor\":\"2001\",\"pin\":\"9999\"}");
        assertThat(after.status()).as("the till opens with the new key: " + after.out() + after.err()).isZero();

        Path journal = data.journalFile(TILL);
        List<SignedRecord> records = JournalReader.readAll(journal);
        SignedRecord rotation = records.stream().filter(r -> r.type() == RecordType.KEY_ROTATION).findFirst().orElseThrow();
        assertThat(rotation.keyId()).isEqualTo(firstKey);
        assertThat(records.get(records.size() - 1).keyId()).isEqualTo(secondKey);

        Run verify = YishiCommandTest.run("--lang", "en", "journal", "verify", data.root().toString());
        assertThat(verify.status()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("Trusting only the till's first key " + firstKey)
                .contains("OK " + journal).contains(firstKey + ", " + secondKey);

        // Tampering after the rotation is still caught on its line.
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        int sale = lastIndexOf(lines, "\"type\":\"SALE\"");
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(sale, tampered.get(sale).replace("\"cashier\":\"1001\"", "\"cashier\":\"1002\""));
        assertThat(tampered.get(sale)).isNotEqualTo(lines.get(sale));
        Files.write(journal, tampered, StandardCharsets.UTF_8);
        Run caught = YishiCommandTest.run("--lang", "en", "journal", "verify", data.root().toString());
        assertThat(caught.status()).isEqualTo(1);
        assertThat(caught.out()).contains("BAD_SIGNATURE at line " + (sale + 1) + " ");

        // A journal cut off just before the rotation verifies on its own; the key history shows what is missing.
        Files.write(journal, lines.subList(0, (int) rotation.seq() - 1), StandardCharsets.UTF_8);
        Run cut = YishiCommandTest.run("--lang", "en", "journal", "verify", data.root().toString());
        assertThat(cut.status()).isEqualTo(1);
        assertThat(cut.out()).contains("the journal ends with key " + firstKey + " in force, but the till has rotated to key "
                + secondKey).contains("cut off");
        Files.write(journal, lines, StandardCharsets.UTF_8);
    }

    @Test
    void aTillThatNeverOpenedHasNothingToRotate() {
        Run run = YishiCommandTest.run("till", "rotate-key", "--demo", "--dir", dir.resolve("nothing").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("还没有流水");
        assertThat(dir.resolve("nothing")).doesNotExist();
    }

    @Test
    void rotateKeyNeedsATill() {
        Run run = YishiCommandTest.run("till", "rotate-key");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--config");
    }

    private static int lastIndexOf(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
