package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.DemoRegistry;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.ServerProcess;
import org.yishi.e2e.support.TillCli;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.SyncJson;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out: two server instances (two processes sharing the signing key, as a city's instances behind a load balancer
 * do) on one PostgreSQL. The same batch sent to both at the same moment is stored once, and both answer the same
 * acknowledgement; what one instance stored the other serves.
 */
class TwoInstancesOnePostgresTest {

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static ServerProcess first;
    static ServerProcess second;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> env = Map.of("YISHI_DB_URL", postgres.getJdbcUrl("postgres", "postgres"), "YISHI_DB_USER", "postgres",
                "YISHI_DB_PASSWORD", "postgres");
        first = new ServerProcess(dir.resolve("one"), env).start();
        Files.createDirectories(dir.resolve("two/keys"));
        try (Stream<Path> keys = Files.list(dir.resolve("one/keys"))) {
            for (Path k : keys.toList()) {
                Files.copy(k, dir.resolve("two/keys").resolve(k.getFileName()));
            }
        }
        second = new ServerProcess(dir.resolve("two"), env).start();
    }

    @AfterAll
    static void stop() throws IOException {
        for (ServerProcess s : new ServerProcess[] {first, second}) {
            if (s != null) {
                s.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theSameBatchSentToBothInstancesAtOnceIsStoredOnce() throws Exception {
        DemoRegistry registry = DemoRegistry.write(dir.resolve("registry"), 100, 3);
        AdminApi one = AdminApi.of(first);
        AdminApi.expect(one.importRegistry(registry.dir(), "full"), 200);
        String code = one.createTill("E2E-TWO", "C01");
        EnrolledTill till = new EnrolledTill("E2E-TWO", dir.resolve("till"));
        TillCli.enroll(first.url(), code, till.dir(), till.tillId()).requireOk();
        TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(1, 11, 0), registry.activeCards().subList(0, 20))).requireOk();
        List<String> lines = Files.readAllLines(till.journalFile()).stream().filter(l -> !l.isBlank()).toList();
        String token = Files.readString(till.dir().resolve("secrets/sync-token")).strip();
        String batch = new SyncJson().write(new JournalBatch(till.tillId(), 1, lines));

        for (int round = 0; round < 5; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> post(first, token, batch, together));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> post(second, token, batch, together));
            JsonNode ackA = new SyncJson().mapper().readTree(a.get().body());
            JsonNode ackB = new SyncJson().mapper().readTree(b.get().body());
            assertThat(a.get().statusCode()).as(a.get().body()).isEqualTo(200);
            assertThat(b.get().statusCode()).as(b.get().body()).isEqualTo(200);
            assertThat(ackA.get("seq").asLong()).isEqualTo(lines.size()).isEqualTo(ackB.get("seq").asLong());
            assertThat(ackA.get("hash").asString()).isEqualTo(ackB.get("hash").asString());
        }
        for (ServerProcess s : new ServerProcess[] {first, second}) {
            JsonNode held = AdminApi.of(s).till(till.tillId());
            assertThat(held.get("records").asLong()).as("held once, seen from " + s.url()).isEqualTo(lines.size());
            assertThat(held.get("lastHash").asString()).isEqualTo(till.last().hash());
        }
    }

    private static HttpResponse<String> post(ServerProcess server, String token, String batch, CyclicBarrier together) {
        try {
            together.await();
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/sync/journal"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
