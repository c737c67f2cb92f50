package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("till/db/till"), "till", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE journal_mirror SET line = REPLACE(line, '\"priceFen\":1200', '\"priceFen\":1100') WHERE seq = 5");
        }
        Run tampered = YishiCommandTest.run("journal", "verify", "--lang", "en", database.toString());
        assertThat(tampered.status()).isEqualTo(1);
        assertThat(tampered.out()).containsPattern("First problem: \\w+ at line 5 ");
    }
}
