package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.yishi.core.journal.SignedRecord;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.DemoRegistry;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.ServerProcess;
import org.yishi.e2e.support.TillCli;
import tools.jackson.databind.JsonNode;

/**
 * One settlement server (a child process) per test class with the demo registry loaded, and tills enrolled to it
 * through {@code till enroll}. Statics because JUnit starts them in {@code @BeforeAll}; test classes run one after
 * another (the build runs no test classes in parallel).
 */
abstract class ServerFixture {

    static ServerProcess server;
    static AdminApi admin;
    static DemoRegistry registry;
    static Path root;
    private static int tills;

    /** Starts the server on {@code dataDir} with {@code env} and loads the demo registry into it. */
    static void startServer(Path dir, Map<String, String> env) {
        root = dir;
        registry = DemoRegistry.write(dir.resolve("registry"), 300, 7);
        server = new ServerProcess(dir.resolve("server"), env).start();
        admin = AdminApi.of(server);
        AdminApi.expect(admin.importRegistry(registry.dir(), "full"), 200);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    static synchronized EnrolledTill enrolled(String canteen) {
        String tillId = "E2E-" + canteen + "-T" + (++tills);
        String code = admin.createTill(tillId, canteen);
        Path dir = root.resolve("tills").resolve(tillId);
        TillCli.enroll(server.url(), code, dir, tillId).requireOk();
        return new EnrolledTill(tillId, dir);
    }

    static void assertServerHoldsExactly(EnrolledTill till) {
        List<SignedRecord> journal = till.journal();
        SignedRecord last = journal.get(journal.size() - 1);
        JsonNode held = admin.till(till.tillId());
        assertThat(held.get("records").asLong()).as(till.tillId() + " records on the server").isEqualTo(journal.size());
        assertThat(held.get("lastSeq").asLong()).isEqualTo(last.seq());
        assertThat(held.get("lastHash").asString()).isEqualTo(last.hash());
    }

}
