package org.yishi.e2e.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.yishi.core.journal.JournalFormat;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.core.journal.TillKeys;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.DemoRegistry;
import org.yishi.e2e.support.ServerProcess;
import org.yishi.sync.protocol.JournalBatch;
import org.yishi.sync.protocol.SyncJson;

/**
 * Ingest throughput (docs/benchmarks.md, "Settlement server"): 20 tills upload their journals concurrently, in batches of
 * 500, to a real server (a child process) with full verification, on H2 or PostgreSQL; then the same number of rows
 * (the same columns) is inserted with a raw JDBC batch into the same kind of database, and the two rates are compared.
 * Not a test. Run: {@code scripts/ingest-bench.sh [h2|postgres] [RECORDS_PER_TILL]}.
 *
 * <p>The journals are STAFF records (login_ok) signed by each till's registered key: the verification, chain and
 * insert path of any record, without the sale columns.
 */
public final class IngestBench {

    private static final int TILLS = 20;
    private static final int BATCH = 500;

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int perTill = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        Path dir = Files.createTempDirectory("yishi-ingest-bench");
        EmbeddedPostgres pg = db.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
        Map<String, String> env = pg == null ? Map.of() : Map.of("YISHI_DB_URL", pg.getJdbcUrl("postgres", "postgres"),
                "YISHI_DB_USER", "postgres", "YISHI_DB_PASSWORD", "postgres");
        DemoRegistry registry = DemoRegistry.write(dir.resolve("registry"), 50, 1);
        try (ServerProcess server = new ServerProcess(dir.resolve("server"), env).start()) {
            AdminApi admin = AdminApi.of(server);
            AdminApi.expect(admin.importRegistry(registry.dir(), "full"), 200);
            List<Till> tills = new ArrayList<>();
            for (int t = 0; t < TILLS; t++) {
                tills.add(Till.enrol(server, admin, "BENCH-T" + t, dir, perTill));
            }
            long records = (long) TILLS * perTill;
            ExecutorService pool = Executors.newFixedThreadPool(TILLS);
            List<String> elders = registry.activeCards().stream().map(registry::elderOf).toList();
            OnlineChecks checks = new OnlineChecks(server, tills.get(0).token(), elders);
            Thread checker = new Thread(checks, "online-checks");
            long start = System.nanoTime();
            checker.start();
            List<Future<Long>> done = new ArrayList<>();
            for (Till till : tills) {
                done.add(pool.submit(() -> till.upload(server)));
            }
            long uploaded = 0;
            for (Future<Long> f : done) {
                uploaded += f.get();
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            checks.stop();
            checker.join();
            pool.shutdown();
            double ingestRate = uploaded / ingestSeconds;

            double rawRate = rawInsert(pg, dir, tills);
            System.out.printf("%s: %d tills x %d records: ingest %.1f s = %.0f records/s (verified, exactly once); raw JDBC batch insert"
                    + " of the same rows %.0f records/s; ratio %.0f %%%n", db, TILLS, perTill, ingestSeconds, ingestRate, rawRate,
                    100 * ingestRate / rawRate);
            System.out.println("online check during the ingest, one till asking back to back: " + checks.summary());
            if (uploaded != records) {
                throw new IllegalStateException("uploaded " + uploaded + " of " + records);
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** One bench till: registered key, token, and its journal lines. */
    record Till(String id, String token, List<SignedRecord> records) {

        static Till enrol(ServerProcess server, AdminApi admin, String id, Path dir, int records) throws Exception {
            TillKeys keys = TillKeys.generate();
            String code = admin.createTill(id, "C01");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/enrol"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"tillId\":\"" + id
                            + "\",\"code\":\"" + code + "\",\"journalKey\":\"" + JournalFormat.encodePublicKey(keys.publicKey()) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = new SyncJson().mapper().readTree(r.body()).path("token").asString();
            Path file = dir.resolve(id + ".jsonl");
            try (JournalWriter w = JournalWriter.open(file, keys, id, Clock.system(ZoneId.of("Asia/Shanghai")))) {
                // TILL_START is seq 1
                for (int i = 1; i < records; i++) {
                    w.append(new StaffPayload("1001", StaffAction.LOGIN_OK, null, null, null));
                }
            }
            return new Till(id, token, org.yishi.core.journal.JournalReader.readAll(file));
        }

        long upload(ServerProcess server) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            SyncJson json = new SyncJson();
            long sent = 0;
            for (int from = 0; from < records.size(); from += BATCH) {
                List<String> lines = records.subList(from, Math.min(records.size(), from + BATCH)).stream().map(SignedRecord::line).toList();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/sync/journal"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.write(new JournalBatch(id, from + 1, lines)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(id + " batch from " + (from + 1) + ": " + r.body());
                }
                sent += lines.size();
            }
            return sent;
        }
    }

    /**
     * The online check under the ingest load: one till asks for elder after elder, back to back, over one keep-alive
     * connection, while the 20 tills upload; each answer's latency is kept.
     */
    static final class OnlineChecks implements Runnable {
        private final ServerProcess server;
        private final String token;
        private final List<String> elders;
        private final List<Long> micros = new ArrayList<>();
        private volatile boolean running = true;
        private int failures;

        OnlineChecks(ServerProcess server, String token, List<String> elders) {
            this.server = server;
            this.token = token;
            this.elders = elders;
        }

        @Override
        public void run() {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String windowStart = JournalFormat.formatTime(OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(31));
            int i = 0;
            while (running) {
                String elder = elders.get(i++ % elders.size());
                long t = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/sync/online-check"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"elderId\":\"" + elder + "\",\"windowStart\":\"" + windowStart + "\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        micros.add((System.nanoTime() - t) / 1000);
                    } else {
                        failures++;
                    }
                } catch (Exception e) {
                    failures++;
                }
            }
        }

        void stop() {
            running = false;
        }

        String summary() {
            List<Long> sorted = micros.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return "no answers (" + failures + " failures)";
            }
            return String.format("%d answers, %d failures; p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted.size(), failures,
                    sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99))) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0);
        }
    }

    /** The same rows with a raw JDBC batch insert, 20 threads, batches of 500, one commit a batch. */
    private static double rawInsert(EmbeddedPostgres pg, Path dir, List<Till> tills) throws Exception {
        String url = pg != null ? pg.getJdbcUrl("postgres", "postgres")
                : "jdbc:h2:file:" + dir.resolve("raw/raw") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, pg != null ? "postgres" : "sa", pg != null ? "postgres" : "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_record (till_id VARCHAR(32) NOT NULL, seq BIGINT NOT NULL, record_type VARCHAR(32) NOT NULL,"
                    + " record_time TIMESTAMP WITH TIME ZONE NOT NULL, hash CHAR(64) NOT NULL, line TEXT NOT NULL,"
                    + " received_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (till_id, seq))");
        }
        ExecutorService pool = Executors.newFixedThreadPool(tills.size());
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (Till till : tills) {
            done.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url, pg != null ? "postgres" : "sa", pg != null ? "postgres" : "")) {
                    c.setAutoCommit(false);
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO raw_record VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        long n = 0;
                        for (SignedRecord r : till.records()) {
                            p.setString(1, till.id());
                            p.setLong(2, r.seq());
                            p.setString(3, r.type().name());
                            p.setObject(4, r.time());
                            p.setString(5, r.hash());
                            p.setString(6, r.line());
                            p.setObject(7, OffsetDateTime.now());
                            p.addBatch();
                            if (++n % BATCH == 0) {
                                p.executeBatch();
                                c.commit();
                            }
                        }
                        p.executeBatch();
                        c.commit();
                        return n;
                    }
                }
            }));
        }
        long n = 0;
        for (Future<Long> f : done) {
            n += f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
