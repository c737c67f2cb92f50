package org.yishi.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cli.journal.JournalCommandRunner.Run;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.KeyHistory;
import org.yishi.core.journal.SampleJournal;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.TillKeyFiles;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.time.ManualClock;

/** {@code journal verify}, the one command class both jars run: journal files, till data directories, till databases. */
class JournalCommandTest {

    @TempDir
    Path dir;

    @Test
    void verifiesWithAPinnedKeyAndAnAnchor() {
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal-" + SampleJournal.TILL + ".jsonl");
        List<String> lines = SampleJournal.write(file, keys);
        String last = JournalReader.parseLine(lines.get(lines.size() - 1)).hash();
        Run r = JournalCommandRunner.run("journal", "verify", file.toString(), "--lang", "en",
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
        Run r = JournalCommandRunner.run("journal", "verify", file.toString(), "--anchor", "17");
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
        Run r = JournalCommandRunner.run("--lang", "en", "journal", "verify", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("BAD_SIGNATURE at line 5");
    }

    @Test
    void nothingToVerifyIsAUsageError() {
        Run r = JournalCommandRunner.run("journal", "verify", dir.resolve("missing").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("没有找到流水文件");
    }

    /** A till data directory as a till leaves it: its journal, signed by a first key and, after a rotation, a second. */
    private Path tillDirectoryWithOneRotation() throws Exception {
        Path data = dir.resolve("till");
        TillKeys first = TillKeys.generate();
        TillKeys second = TillKeys.generate();
        Path journal = data.resolve("journal").resolve("journal-T1.jsonl");
        Files.createDirectories(journal.getParent());
        ManualClock clock = new ManualClock(Instant.parse("2026-11-02T03:30:00Z"), ZoneId.of("Asia/Shanghai"));
        try (JournalWriter w = JournalWriter.open(journal, first, "T1", clock)) {
            w.append(new ShiftOpenPayload(1, "1001", 0));
            w.rotateKey(second, "scheduled");
            w.append(w.prepareShiftClose("1001", 0L));
        }
        TillKeyFiles keys = TillKeyFiles.of(data);
        Files.createDirectories(keys.dir());
        Files.writeString(keys.history(), KeyHistory.startingWith(first.publicKey()).withNext(second.publicKey()).promoteNext().text(),
                StandardCharsets.US_ASCII);
        return data;
    }

    @Test
    void aTillDataDirectoryPinsTheFirstKeyOfItsHistoryAndFollowsItsRotation() throws Exception {
        Path data = tillDirectoryWithOneRotation();

        Run r = JournalCommandRunner.run("--lang", "en", "journal", "verify", data.toString());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Trusting only the till's first key").contains("the 1 key(s) it rotated to")
                .contains("OK " + data.resolve("journal").resolve("journal-T1.jsonl"));
    }

    @Test
    void aJournalCutOffBeforeTheTillsLastRotationFailsAgainstTheHistory() throws Exception {
        Path data = tillDirectoryWithOneRotation();
        Path journal = data.resolve("journal").resolve("journal-T1.jsonl");
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        // TILL_START and the first shift: everything from the KEY_ROTATION on is gone; the rest still verifies by itself
        Files.write(journal, lines.subList(0, 2), StandardCharsets.UTF_8);

        Run r = JournalCommandRunner.run("--lang", "en", "journal", "verify", data.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("OK ").contains("FAILED " + journal).contains("rotated to key");
    }

    @Test
    void aTillDatabaseIsReadFromItsJournalMirrorWithoutBeingChanged() throws Exception {
        TillKeys keys = TillKeys.generate();
        List<String> lines = SampleJournal.write(dir.resolve("journal-" + SampleJournal.TILL + ".jsonl"), keys);
        Path db = dir.resolve("db");
        Files.createDirectories(db);
        // The till's own table (pos-client migration V2), with only the columns journal verify reads.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.resolve("till"), "till", "")) {
            c.createStatement().execute("CREATE TABLE journal_mirror (seq BIGINT PRIMARY KEY, line VARCHAR NOT NULL)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO journal_mirror (seq, line) VALUES (?, ?)")) {
                for (int i = 0; i < lines.size(); i++) {
                    insert.setLong(1, i + 1);
                    insert.setString(2, lines.get(i));
                    insert.executeUpdate();
                }
            }
        }
        Path file = db.resolve("till.mv.db");
        byte[] before = Files.readAllBytes(file);

        Run r = JournalCommandRunner.run("--lang", "en", "journal", "verify", file.toString(),
                "--public-key", JournalFormat.encodePublicKey(keys.publicKey()));

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OK " + file).contains(SampleJournal.RECORDS + " records verified");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }
}
