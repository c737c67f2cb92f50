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
 * (see {@code docs/journal-format.md}), so a damaged database can be rebuilt from it.
 */
public final class TillDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final SqlSessionFactory sessions;

    private TillDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Configuration configuration = new Configuration(new Environment("till", new JdbcTransactionFactory(), dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        this.sessions = new SqlSessionFactoryBuilder().build(configuration);
    }

    /** Opens (creating if needed) {@code dir/till.mv.db} and migrates it to the current schema. */
    public static TillDatabase open(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("till") + ";DB_CLOSE_ON_EXIT=FALSE";
        return openUrl(url);
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

    public void addMapper(Class<?> mapper) {
        if (!sessions.getConfiguration().hasMapper(mapper)) {
            sessions.getConfiguration().addMapper(mapper);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
