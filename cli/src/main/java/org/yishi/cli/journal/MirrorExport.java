package org.yishi.cli.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the journal lines a till database holds in its mirror, opening the H2 file read-only: an auditor can verify
 * what the database says happened without changing it (no migration, no recovery, no lock taken for writing).
 */
public final class MirrorExport {

    private static final String SUFFIX = ".mv.db";

    private MirrorExport() {
    }

    /** Whether {@code file} looks like a till's H2 database file. */
    public static boolean isDatabaseFile(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /**
     * The mirror's lines in sequence order.
     *
     * @throws IllegalStateException naming the file when it cannot be opened or has no journal mirror
     */
    public static List<String> lines(Path databaseFile) {
        String name = databaseFile.toAbsolutePath().toString();
        String base = name.substring(0, name.length() - SUFFIX.length());
        String url = "jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "till", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT line FROM journal_mirror ORDER BY seq")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal mirror of " + databaseFile + ": " + e.getMessage(), e);
        }
    }
}
