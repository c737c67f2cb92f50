package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;

/**
 * The server SIGKILLed at random moments while three tills upload: after each restart the tills resume, and at the
 * end the server holds every record of every journal exactly once (count, last seq and last hash agree; a duplicate
 * or a lost record would show in the count). Seeded, so a failure can be replayed.
 */
class ServerKilledMidUploadTest extends ServerFixture {

    private static final long SEED = 20261203L;
    private static final int KILLS = 20;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }


    @Test
    void twentyKillsMidUploadLoseAndDoubleNothing() throws Exception {
        List<String> cards = registry.activeCards();
        List<EnrolledTill> tills = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            EnrolledTill till = enrolled("C0" + (t + 1));
            List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(4, 7, 0)));
            // Many sales: each card a few times a day across days; limits refuse some subsidies, every one is a SALE.
            for (int day = 0; day < 4; day++) {
                lines.add(Scripts.tapAt(cards.get(0), Scripts.day(4 + day, 11, 0)));
                lines.add("{\"do\":\"cancel\"}");
                for (String uid : cards.subList(0, 150)) {
                    lines.addAll(Scripts.sale(uid));
                }
            }
            TillCli.script(till.dir(), lines);
            tills.add(till);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        List<Thread> syncing = new ArrayList<>();
        for (EnrolledTill till : tills) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    TillCli.sync(till.dir());
                    rounds.incrementAndGet();
                }
            }, "sync-" + till.tillId());
            t.start();
            syncing.add(t);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k < KILLS; k++) {
            Thread.sleep(200 + random.nextInt(1500));
            server.kill();
            server.start();
        }
        stop.set(true);
        for (Thread t : syncing) {
            t.join(Duration.ofMinutes(2).toMillis());
        }

        for (EnrolledTill till : tills) {
            assertThat(TillCli.sync(till.dir()).status()).isZero();
            assertServerHoldsExactly(till);
        }
        assertThat(rounds.get()).as("sync rounds ran during the kills").isGreaterThan(KILLS);
    }

    /**
     * The till's side: {@code till sync} in its own JVM SIGKILLed mid-round ten times; the next round resumes from the
     * server's acknowledgement and the server ends with every record once.
     */
    @Test
    void aTillKilledMidSyncResumesAndNothingIsLostOrDoubled() throws Exception {
        List<String> cards = registry.activeCards();
        EnrolledTill till = enrolled("C04");
        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(9, 7, 0)));
        for (int day = 0; day < 3; day++) {
            lines.add(Scripts.tapAt(cards.get(0), Scripts.day(9 + day, 11, 0)));
            lines.add("{\"do\":\"cancel\"}");
            for (String uid : cards.subList(0, 120)) {
                lines.addAll(Scripts.sale(uid));
            }
        }
        TillCli.script(till.dir(), lines);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int k = 0; k < 10; k++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "org.yishi.till.cli.YishiCommand", "--lang", "en", "till", "sync",
                    "--config", TillCli.config(till.dir()).toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300 + random.nextInt(2500));
            child.destroyForcibly().waitFor();
        }

        TillCli.Run last = TillCli.sync(till.dir());

        assertThat(last.status()).as(last.out() + last.err()).isZero();
        assertServerHoldsExactly(till);
    }
}
