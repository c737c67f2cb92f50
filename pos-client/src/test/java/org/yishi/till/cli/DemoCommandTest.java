package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.RefusedIdentificationPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.till.cli.YishiCommandTest.Run;

/** The README's run command, end to end on a small registry: twice, so the second run continues the same till. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void aLunchtimeRunsAndItsJournalVerifiesThenTheNextDayContinuesTheSameTill() throws Exception {
        String[] args = {"demo", "--lang", "en", "--dir", dir.toString(), "--policies", Path.of("..", "policies").toString(),
            "--elders", "600", "--customers", "10"};
        Run first = YishiCommandTest.run(args);
        assertThat(first.status()).as(first.out() + first.err()).isZero();
        assertThat(first.out())
                .contains("Lunch on 2026-11-02, shift 1 closed.")
                .contains("This card was reported lost.")
                .contains("The registry records this elder as deceased.")
                .contains("walk-in, no card")
                .contains("already used the subsidy for this meal")
                .containsPattern("OK .*journal-GZ-ZC-C01-T1\\.jsonl: till GZ-ZC-C01-T1");
        Run second = YishiCommandTest.run(args);
        assertThat(second.status()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("Lunch on 2026-11-03, shift 2 closed.").doesNotContain("Imported elders.csv");
        Run verify = YishiCommandTest.run("journal", "verify", "--lang", "en", dir.resolve("till").toString());
        assertThat(verify.status()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("pinned key(s)");

        // The database's mirror verifies too, and a line altered in it is caught on its line.
        Path database = dir.resolve("till/db/till.mv.db");
        Run fromDb = YishiCommandTest.run("journal", "verify", "--lang", "en", database.toString());
        assertThat(fromDb.status()).as(fromDb.out() + fromDb.err()).isZero();
        long firstSale;
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("till/db/till"), "till", "");
             Statement s = c.createStatement()) {
            var rows = s.executeQuery("SELECT MIN(seq) FROM journal_mirror WHERE line LIKE '%\"type\":\"SALE\"%'");
            rows.next();
            firstSale = rows.getLong(1);
            s.executeUpdate("UPDATE journal_mirror SET line = REPLACE(line, '\"cashier\":\"1001\"', '\"cashier\":\"1002\"') WHERE seq = " + firstSale);
        }
        Run tampered = YishiCommandTest.run("journal", "verify", "--lang", "en", database.toString());
        assertThat(tampered.status()).isEqualTo(1);
        assertThat(tampered.out()).containsPattern("First problem: \\w+ at line " + firstSale + " ");
    }

    /** Issue 9 item 11: the headless demo sells the way the window does — refusals journalled, never a sale on them. */
    @Test
    void theHeadlessDemoRefusesALostCardAndADeceasedEldersCardAndJournalsTheRefusals() {
        Run run = YishiCommandTest.run("demo", "--lang", "en", "--dir", dir.toString(), "--policies", Path.of("..", "policies").toString(),
                "--elders", "600", "--customers", "10");
        assertThat(run.status()).as(run.out() + run.err()).isZero();

        List<SignedRecord> journal = JournalReader.readAll(dir.resolve("till/journal/journal-GZ-ZC-C01-T1.jsonl"));
        List<String> refusals = journal.stream().filter(r -> r.type() == RecordType.IDENTIFICATION_REFUSED)
                .map(r -> ((RefusedIdentificationPayload) r.typedPayload()).reason()).toList();
        assertThat(refusals).contains("card_lost", "elder_deceased");
        List<SalePayload> sales = journal.stream().filter(r -> r.type() == RecordType.SALE).map(r -> (SalePayload) r.typedPayload()).toList();
        List<RefusedIdentificationPayload> refused = journal.stream().filter(r -> r.type() == RecordType.IDENTIFICATION_REFUSED)
                .map(r -> (RefusedIdentificationPayload) r.typedPayload()).toList();
        Set<String> refusedCards = refused.stream().filter(r -> r.reason().equals("card_lost")).map(RefusedIdentificationPayload::cardUidLast4)
                .collect(java.util.stream.Collectors.toSet());
        Set<String> deceased = refused.stream().filter(r -> r.reason().equals("elder_deceased")).map(RefusedIdentificationPayload::elderId)
                .collect(java.util.stream.Collectors.toSet());
        // The elder whose card was lost may eat with his replacement card; the lost card itself sells nothing.
        assertThat(sales).isNotEmpty().noneMatch(s -> refusedCards.contains(s.cardUidLast4())).noneMatch(s -> deceased.contains(s.elderId()));
        assertThat(sales).allSatisfy(s -> assertThat(s.billId()).isNotNull());
        assertThat(journal).anyMatch(r -> r.type() == RecordType.STAFF); // the demo cashier logged in with his PIN
    }
}
