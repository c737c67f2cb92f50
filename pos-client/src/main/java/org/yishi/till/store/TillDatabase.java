package org.yishi.till.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;

/**
 * The till's embedded H2 database: a file under the till's data directory, migrated by Flyway
 * ({@code classpath:db/migration}) and mapped by MyBatis. Mappers are registered by the stores that use them.
 *
 * <p>H2 is a cache and an index here, not the system of record for sales: the signed journal file is
 * (see {@code docs/journal-format.md} and {@code docs/till-store.md}), so a damaged database can be rebuilt
 * from it. Open a till through {@link TillStore}, which does that recovery; this class only opens the file.
 */
public final class TillDatabase implements AutoCloseable {

    /** The database file name inside the database directory, without H2's {@code .mv.db} suffix. */
    public static final String FILE_NAME = "till";

    /**
     * URL settings, and why (docs/till-store.md has the long version):
     * <ul>
     * <li>no {@code FILE_LOCK=NO}: the default file lock stops a second till process from opening the same file,
     * which is the one sure way to corrupt it;</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the till closes the database itself, after the journal; H2's own
     * shutdown hook would close it under still-running code;</li>
     * <li>{@code WRITE_DELAY=500} (H2's default, made explicit): committed H2 transactions reach the file within
     * half a second. Losing that half second in a crash is harmless because every committed sale is already
     * fsynced in the journal and recovery re-inserts it; writing a chunk per commit ({@code WRITE_DELAY=0})
     * would cost throughput and file churn for nothing;</li>
     * <li>{@code RETENTION_TIME=60000}: MVStore does not overwrite a chunk freed less than a minute ago, so after
     * a power cut the last consistent version is still in the file. 0 would reuse space at once and invite
     * exactly the corruption H2's issue tracker reports.</li>
     * </ul>
     */
    static final String URL_SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500;RETENTION_TIME=60000";

    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessions;

    private TillDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Configuration configuration = new Configuration(new Environment("till", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        // Row records are mapped through their canonical constructors by parameter name (compiled with -parameters).
        configuration.setArgNameBasedConstructorAutoMapping(true);
        this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    }

    /** Opens (creating if needed) {@code dir/till.mv.db} and migrates it to the current schema. */
    public static TillDatabase open(Path dir) {
        return openUrl(url(dir));
    }

    /** The JDBC URL of the database file in {@code dir}. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(FILE_NAME) + URL_SETTINGS;
    }

    /** Opens a database by JDBC URL (tests use {@code jdbc:h2:mem:…}). */
    public static TillDatabase openUrl(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("till");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setPoolName("till-h2");
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new TillDatabase(ds);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The MyBatis session factory; stores add their mapper interfaces with {@link #addMapper(Class)}. */
    public SqlSessionFactory sessions() {
        return sessions;
    }

    public synchronized void addMapper(Class<?> mapper) {
        if (!sessions.getConfiguration().hasMapper(mapper)) {
            sessions.getConfiguration().addMapper(mapper);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
