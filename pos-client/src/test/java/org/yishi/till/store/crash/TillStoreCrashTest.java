package org.yishi.till.store.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.VerificationReport;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.TillStoreOpenReport;

/**
 * Kills a till process with SIGKILL at random moments, again and again on the same data directory, and checks after
 * every kill that nothing acknowledged was lost: the journal verifies (chain, signatures, gapless, not cut below the
 * last acknowledged record), every seq the child reported is in it with the reported content, the database mirror
 * equals the file after recovery, and no sale is there twice.
 *
 * <p>Seeded ({@code -Dcrash.seed=…}, {@code -Dcrash.kills=…}; the child's pace with {@code -Dcrash.burst=…} sales per
 * burst at most and {@code -Dcrash.pauseMs=…} between bursts); prints a summary line starting with {@code CRASH-TEST}.
 */
class TillStoreCrashTest {

    private static final String TILL = "T-CRASH";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Kept under target/ (not a temp dir) so that a failure leaves the data directory and child logs to look at. */
    private final Path root = Path.of("target", "crash-test").toAbsolutePath();

    /** Totals over all rounds, for the summary. */
    private int kills;
    private int killsDuringOpen;
    private long salesReported;
    private long voidsReported;
    private int tornTails;
    private int simulatedTornWrites;
    private int rebuilds;
    private long h2Lag;
    private int uncleanOpens;
    private boolean childWasReady;
    private int salesIndexRepairs;
    private long checkNanos;

    @Test
    @Timeout(value = 170, unit = TimeUnit.SECONDS)
    void noAcknowledgedSaleIsLostWhenTheTillIsKilledAtRandomMoments() throws Exception {
        deleteRecursively(root);
        Files.createDirectories(root);
        long seed = Long.getLong("crash.seed", 20261123L);
        int rounds = Integer.getInteger("crash.kills", 55);
        Random random = new Random(seed);
        TillDataDirectory dir = new TillDataDirectory(root.resolve("data"));
        Map<Long, Reported> acknowledged = new HashMap<>();
        long started = System.nanoTime();

        for (int round = 1; round <= rounds; round++) {
            boolean duringOpen = random.nextInt(100) < 15;
            List<Reported> reported = runAndKill(dir, round, random.nextLong(), random, duringOpen);
            for (Reported r : reported) {
                Reported earlier = acknowledged.put(r.seq(), r);
                assertThat(earlier).as("seq %d acknowledged twice (round %d)", r.seq(), round).isNull();
            }
            if (round % 10 == 5) {
                simulateTornWrite(dir.journalFile(TILL), random);
            }
            long t0 = System.nanoTime();
            checkAfterKill(dir, acknowledged, round);
            checkNanos += System.nanoTime() - t0;
        }

        String childLog = Files.readString(root.resolve("child-stderr.log"), StandardCharsets.UTF_8);
        long childRepairs = childLog.lines().filter(l -> l.contains("sales index disagreed")).count();
        long childRebuilds = childLog.lines().filter(l -> l.contains("DATABASE REBUILT")).count();
        long maxSeq = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        System.out.printf("CRASH-TEST seed=%d kills=%d (during open %d) salesAcknowledged=%d voidsAcknowledged=%d maxSeq=%d"
                + " tornTailsRecovered=%d (simulated %d, from kills %d) h2Rebuilds=%d (in child opens %d)"
                + " salesIndexRepairs=%d (in child opens %d) uncleanShutdownsRecognised=%d h2LagRecords=%d"
                + " seconds=%.1f (checking %.1f)%n",
                seed, kills, killsDuringOpen, salesReported, voidsReported, maxSeq, tornTails, simulatedTornWrites,
                tornTails - simulatedTornWrites, rebuilds, childRebuilds, salesIndexRepairs, childRepairs, uncleanOpens, h2Lag,
                (System.nanoTime() - started) / 1e9, checkNanos / 1e9);
        assertThat(kills).isGreaterThanOrEqualTo(Math.min(rounds, 50));
        assertThat(salesReported).as("the child must get sales through between kills").isGreaterThan(rounds);
    }

    /** One acknowledged record as the child printed it. */
    record Reported(char kind, long seq, String receiptNo, String hash) {
    }

    private List<Reported> runAndKill(TillDataDirectory dir, int round, long childSeed, Random random, boolean duringOpen)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.root().toString(), TILL, Long.toString(childSeed), Integer.toString(round),
                Integer.toString(Integer.getInteger("crash.burst", 8)), Integer.toString(Integer.getInteger("crash.pauseMs", 40)));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("child-stderr.log").toFile()));
        long spawned = System.nanoTime();
        Process child = pb.start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Object ready = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                    if (line.startsWith("READY")) {
                        synchronized (ready) {
                            ready.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "crash-child-stdout");
        reader.start();
        if (duringOpen) {
            // Somewhere in JVM start-up, store open and recovery (replay, rebuild): kill recovery itself.
            Thread.sleep(150 + random.nextInt(900));
            killsDuringOpen++;
        } else {
            synchronized (ready) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lines.stream().noneMatch(l -> l.startsWith("READY")) && child.isAlive() && System.nanoTime() < deadline) {
                    ready.wait(100);
                }
            }
            assertThat(lines.stream().anyMatch(l -> l.startsWith("READY")))
                    .as("round %d: child did not open the store; stderr in %s", round, root.resolve("child-stderr.log")).isTrue();
            Thread.sleep(5 + random.nextInt(396));
        }
        assertThat(child.isAlive()).as("round %d: child died by itself after %d ms; stderr in %s", round,
                (System.nanoTime() - spawned) / 1_000_000, root.resolve("child-stderr.log")).isTrue();
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(30));
        kills++;
        childWasReady = lines.stream().anyMatch(l -> l.startsWith("READY"));

        List<Reported> reported = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                String[] f = line.split(" ");
                if (f[0].equals("C") || f[0].equals("V")) {
                    reported.add(new Reported(f[0].charAt(0), Long.parseLong(f[1]), f[2], f[3]));
                }
            }
        }
        salesReported += reported.stream().filter(r -> r.kind() == 'C').count();
        voidsReported += reported.stream().filter(r -> r.kind() == 'V').count();
        return reported;
    }

    /** A write cut short by power loss: part of a line, no newline. Never acknowledged, so recovery must drop it. */
    private void simulateTornWrite(Path journal, Random random) throws IOException {
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        String last = lines.get(lines.size() - 1);
        Files.writeString(journal, last.substring(0, 1 + random.nextInt(last.length() - 1)), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        simulatedTornWrites++;
    }

    private void checkAfterKill(TillDataDirectory dir, Map<Long, Reported> acknowledged, int round) throws Exception {
        TillStoreOpenReport report;
        List<String> mirror;
        long indexedSales;
        long distinctReceipts;
        long voidedInIndex;
        Set<Long> indexedSeqs = new HashSet<>();
        Map<String, Long> priorCountByElder = new HashMap<>();
        try (TillStore store = TillStore.open(dir, TILL, Clock.system(SHANGHAI))) {
            report = store.openReport();
            mirror = mirrorLines(store);
            indexedSales = store.sales().saleCount();
            distinctReceipts = scalar(store, "SELECT COUNT(DISTINCT receipt_no) FROM sale");
            voidedInIndex = scalar(store, "SELECT COUNT(*) FROM sale WHERE voided_by_seq IS NOT NULL");
            try (Connection c = store.database().dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT seq FROM sale")) {
                while (rs.next()) {
                    indexedSeqs.add(rs.getLong(1));
                }
            }
            for (String elder : List.of("E0", "E1", "E2", "E150", "E299")) {
                priorCountByElder.put(elder, (long) store.sales()
                        .priorPurchases(elder, LocalDateTime.of(2000, 1, 1, 0, 0), LocalDateTime.of(2100, 1, 1, 0, 0)).size());
            }
        }
        tornTails += report.mirror().tornTailsRecovered();
        rebuilds += report.databaseRebuilt() ? 1 : 0;
        h2Lag += report.mirror().databaseLag();
        uncleanOpens += report.uncleanShutdown() ? 1 : 0;
        if (childWasReady) {
            assertThat(report.uncleanShutdown()).as("round %d: a killed till must be recognised", round).isTrue();
        }
        salesIndexRepairs += report.mirror().salesIndexRebuilt() ? 1 : 0;

        Path journal = dir.journalFile(TILL);
        List<SignedRecord> records = JournalReader.readAll(journal);
        long lastAcknowledged = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(1);
        String anchorHash = acknowledged.containsKey(lastAcknowledged) ? acknowledged.get(lastAcknowledged).hash() : null;
        VerificationReport verified = JournalVerifier.builder().trustKey(TillKeys.load(dir.keyFile()).publicKey()).expectTill(TILL)
                .expectAnchor(lastAcknowledged, anchorHash).build().verify(journal);
        assertThat(verified.ok()).as("round %d: %s", round, verified.summary()).isTrue();
        assertThat(verified.lastSeq()).isEqualTo(records.size());

        for (Reported r : acknowledged.values()) {
            SignedRecord rec = records.get((int) r.seq() - 1);
            assertThat(rec.seq()).isEqualTo(r.seq());
            assertThat(rec.hash()).as("round %d: acknowledged seq %d", round, r.seq()).isEqualTo(r.hash());
            assertThat(rec.type()).isEqualTo(r.kind() == 'C' ? RecordType.SALE : RecordType.VOID);
        }

        List<String> fileLines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(mirror).as("round %d: H2 mirror equals the journal file", round).isEqualTo(fileLines);

        Set<String> receipts = new HashSet<>();
        Map<Long, String> saleElder = new HashMap<>();
        Set<Long> voided = new HashSet<>();
        for (SignedRecord rec : records) {
            if (rec.type() == RecordType.SALE) {
                SalePayload sale = (SalePayload) rec.typedPayload();
                assertThat(receipts.add(sale.receiptNo())).as("round %d: receipt %s twice in the journal", round, sale.receiptNo()).isTrue();
                saleElder.put(rec.seq(), sale.elderId());
            } else if (rec.type() == RecordType.VOID) {
                voided.add(((ReversalPayload) rec.typedPayload()).originalSeq());
            }
        }
        assertThat(indexedSeqs).as("round %d: one index row per SALE; open report: %s", round, report.summary())
                .containsExactlyInAnyOrderElementsOf(saleElder.keySet());
        assertThat(indexedSales).isEqualTo(receipts.size());
        assertThat(distinctReceipts).as("round %d: no duplicate sale in the index", round).isEqualTo(receipts.size());
        assertThat(voidedInIndex).isEqualTo(voided.size());
        for (Map.Entry<String, Long> e : priorCountByElder.entrySet()) {
            long expected = saleElder.entrySet().stream().filter(s -> s.getValue().equals(e.getKey()) && !voided.contains(s.getKey())).count();
            assertThat(e.getValue()).as("round %d: prior purchases of %s", round, e.getKey()).isEqualTo(expected);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<String> mirrorLines(TillStore store) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT line FROM journal_mirror ORDER BY seq")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static long scalar(TillStore store, String sql) throws Exception {
        try (Connection c = store.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
