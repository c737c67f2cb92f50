package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.till.sync.SyncSettings;

/**
 * The settlement server and real tills, end to end over HTTP, on one database (a subclass says which): enrol, sell
 * through the scripted till, sync, and find every journal record on the server exactly once; a card reported lost on
 * the server refused at the till after its next sync; twenty tills selling and syncing at once.
 */
abstract class SyncEndToEnd extends ServerFixture {

    @Test
    void aTillEnrolsSellsAndSyncsAndTheServerHoldsEveryRecordOnce() throws Exception {
        EnrolledTill till = enrolled("C01");
        List<String> cards = registry.activeCards();
        TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(1, 11, 0), cards.subList(0, 3))).requireOk();

        TillCli.Run sync = TillCli.sync(till.dir());

        assertThat(sync.status()).as(sync.out() + sync.err()).isZero();
        assertServerHoldsExactly(till);
        // A second round sends nothing new and changes nothing.
        assertThat(TillCli.sync(till.dir()).status()).isZero();
        assertServerHoldsExactly(till);

        // The server's signed acknowledgement anchors the journal: it verifies whole, and a copy cut short does not.
        Path ack = till.dir().resolve("ack.json");
        TillCli.run("--lang", "en", "till", "ack", "--config", TillCli.config(till.dir()).toString(), "--out", ack.toString())
                .requireOk();
        String serverKey = org.yishi.core.journal.JournalFormat.encodePublicKey(SyncSettings.beside(TillCli.config(till.dir())).serverKey());
        TillCli.Run anchored = TillCli.run("--lang", "en", "journal", "verify", till.journalFile().toString(), "--anchor", ack.toString(),
                "--server-key", serverKey).requireOk();
        assertThat(anchored.out()).contains("up to seq " + till.last().seq());
        Path cut = till.dir().resolve("cut").resolve(till.journalFile().getFileName());
        Files.createDirectories(cut.getParent());
        List<String> lines = Files.readAllLines(till.journalFile(), StandardCharsets.UTF_8);
        Files.write(cut, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
        TillCli.Run cutShort = TillCli.run("--lang", "en", "journal", "verify", cut.toString(), "--anchor", ack.toString(),
                "--server-key", serverKey);
        assertThat(cutShort.status()).isEqualTo(1);
        assertThat(cutShort.out()).contains("MISSING_RECORDS");
    }

    @Test
    void aCardReportedLostOnTheServerIsRefusedAtTheTillAfterItsNextSync() {
        EnrolledTill till = enrolled("C01");
        String uid = registry.activeCards().get(10);
        AdminApi.expect(admin.cardLost(uid), 200, 204);

        assertThat(TillCli.sync(till.dir()).status()).isZero();
        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(2, 11, 0)));
        lines.add(Scripts.tapAt(uid, Scripts.day(2, 11, 5)));
        TillCli.Run run = TillCli.script(till.dir(), lines);

        assertThat(run.out()).contains("\"reason\":\"card_lost\"");
    }

    @Test
    void aSnapshotCarriesNoFullResidentIdOrPhoneNumber() throws Exception {
        EnrolledTill till = enrolled("C02");
        String token = Files.readString(till.dir().resolve(SyncSettings.TOKEN_FILE), StandardCharsets.UTF_8).strip();
        HttpResponse<byte[]> snapshot = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + SyncPaths.SNAPSHOT))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(snapshot.statusCode()).isEqualTo(200);

        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(snapshot.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsKey("till-elders.csv").doesNotContainKey("elders.csv");
        String everything = String.join("\n", entries.values());
        long elders = 0;
        try (Reader in = Files.newBufferedReader(registry.dir().resolve("elders.csv"), StandardCharsets.UTF_8)) {
            CsvReader csv = CsvReader.open(in);
            for (Optional<CsvRecord> row; (row = csv.next()).isPresent(); elders++) {
                assertThat(everything).as("snapshot bytes").doesNotContain(row.get().get("resident_id"));
                String phone = row.get().get("phone");
                if (!phone.isEmpty()) {
                    assertThat(everything).doesNotContain(phone);
                }
            }
        }
        assertThat(elders).isEqualTo(300);
        assertThat(entries.get("till-elders.csv").lines().count()).isEqualTo(1 + elders);
    }

    @Test
    void twentyTillsSellAndSyncAtOnceAndEveryRecordIsHeldOnce() throws Exception {
        List<EnrolledTill> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(enrolled("C" + String.format("%02d", 1 + i % 20)));
        }
        List<String> cards = registry.activeCards();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                EnrolledTill till = all.get(i);
                List<String> mine = cards.subList(100 + (i * 8) % 180, 100 + (i * 8) % 180 + 8);
                done.add(pool.submit(() -> {
                    TillCli.script(till.dir(), Scripts.lunchtime(Scripts.day(3, 11, 0), mine.subList(0, 4)));
                    TillCli.sync(till.dir());
                    List<String> second = new ArrayList<>(Scripts.login(Scripts.day(3, 17, 0)));
                    mine.subList(4, 8).forEach(uid -> second.addAll(Scripts.sale(uid)));
                    TillCli.script(till.dir(), second);
                    return TillCli.sync(till.dir());
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (EnrolledTill till : all) {
            // Whatever a concurrent round left unacknowledged, one more round finishes.
            assertThat(TillCli.sync(till.dir()).status()).isZero();
            assertServerHoldsExactly(till);
        }
    }
}
