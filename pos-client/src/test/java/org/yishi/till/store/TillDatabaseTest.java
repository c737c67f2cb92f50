package org.yishi.till.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TillDatabaseTest {

    @Test
    void aVersion2DatabaseKeepsItsSalesWhenMigratedToVersion3(@TempDir Path dir) throws Exception {
        String url = TillDatabase.url(dir);
        org.flywaydb.core.Flyway.configure().dataSource(url, "till", "").locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "till", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO journal_mirror VALUES (1, 'SALE', CURRENT_TIMESTAMP, 'h', 'p', 'line')");
            s.executeUpdate("INSERT INTO sale (seq, receipt_no, identification, sale_time, channel, price_fen, subsidy_fen, copay_fen,"
                    + " rule_ids, provider_rule_ids, policy_id, policy_version, shift_no, voided_by_seq)"
                    + " VALUES (1, 'R-1', 'card', TIMESTAMP '2026-10-12 11:30:00', 'dine_in', 1200, 700, 500, 'r', '', 'p', 'v', 1, 2)");
        }
        org.flywaydb.core.Flyway.configure().dataSource(url, "till", "").locations("classpath:db/migration").target("3").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "till", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT receipt_no, voided_by_seq, sale_time FROM sale WHERE elder_id IS NULL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("R-1");
                assertThat(rs.getLong(2)).isEqualTo(2);
            }
            s.execute("TRUNCATE TABLE journal_mirror"); // what the foreign key used to forbid
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '3' AND \"success\"")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void version8EmptiesTheJournalIndexSoTheNextOpenRebuildsItWithOffsetsAndReferences(@TempDir Path dir) throws Exception {
        String url = TillDatabase.url(dir);
        org.flywaydb.core.Flyway.configure().dataSource(url, "till", "").locations("classpath:db/migration").target("7").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url, "till", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO journal_mirror VALUES (1, 'SALE', CURRENT_TIMESTAMP, 'h', 'p', 'line')");
            s.executeUpdate("INSERT INTO sale (seq, receipt_no, identification, sale_time, channel, price_fen, subsidy_fen, copay_fen,"
                    + " rule_ids, provider_rule_ids, policy_id, policy_version, shift_no)"
                    + " VALUES (1, 'R-1', 'card', TIMESTAMP '2026-10-12 11:30:00', 'dine_in', 1200, 700, 500, 'r', '', 'p', 'v', 1)");
        }
        try (TillDatabase db = TillDatabase.open(dir); Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"journal_mirror", "sale", "journal_checkpoint"}) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isZero();
                }
            }
        }
    }

    @Test
    void compactionShrinksTheFileAndTheDatabaseStaysUsable(@TempDir Path dir) throws Exception {
        try (TillDatabase db = TillDatabase.open(dir)) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE filler (id INT PRIMARY KEY, text VARCHAR)");
                for (int round = 0; round < 20; round++) { // many commits leave garbage behind
                    s.executeUpdate("MERGE INTO filler KEY (id) SELECT X, REPEAT('x', 200) || " + round + " FROM SYSTEM_RANGE(1, 5000)");
                    s.execute("CHECKPOINT"); // write now, not within WRITE_DELAY
                }
            }
            long before = Files.size(dir.resolve("till.mv.db"));
            db.compact();
            long after = Files.size(dir.resolve("till.mv.db"));
            assertThat(after).isLessThan(before / 2);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(text) FROM filler")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5000);
                assertThat(rs.getString(2)).endsWith("19");
            }
        }
    }

    @Test
    void createsAFileDatabaseAndMigratesIt(@TempDir Path dir) throws Exception {
        try (TillDatabase db = TillDatabase.open(dir);
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO till_info(setting_key, setting_value) VALUES ('till_id', 'T01')");
        }
        assertThat(Files.exists(dir.resolve("till.mv.db"))).isTrue();
        try (TillDatabase db = TillDatabase.open(dir);
             Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting_value FROM till_info WHERE setting_key = 'till_id'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("T01");
        }
    }
}
