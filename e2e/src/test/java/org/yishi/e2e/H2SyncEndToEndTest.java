package org.yishi.e2e;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** {@link SyncEndToEnd} on the server's default database: an embedded H2 file in its data directory. */
class H2SyncEndToEndTest extends SyncEndToEnd {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }
}
