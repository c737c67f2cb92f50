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
