package org.yishi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.e2e.support.EnrolledTill;
import org.yishi.e2e.support.FaultyProxy;
import org.yishi.e2e.support.FaultyProxy.Fault;
import org.yishi.e2e.support.Scripts;
import org.yishi.e2e.support.TillCli;
import org.yishi.till.checkout.Till;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.script.TillScript;
import org.yishi.till.sync.BackgroundSync;
import org.yishi.till.sync.OnlineUsageCheck;
import org.yishi.till.sync.SyncSettings;

/**
 * Network faults between a till and the server, injected in-process by a TCP proxy on loopback: dropped connections,
 * a stall, truncated and garbled answers, 500s, a slow drip, and an acknowledgement lost after the server committed.
 * Each round ends in words (exit 1), nothing is lost or doubled, and the next clean round finishes. And a till sells
 * while its background sync is stuck on a stalled server.
 */
class SyncFaultsTest extends ServerFixture {

    private static final String UPLOAD = "POST /api/v1/sync/journal";

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        startServer(dir, Map.of());
    }


    /** Points the till at {@code url} with a short response timeout (the stall costs seconds, not a minute). */
    private static void pointAt(EnrolledTill till, String url, int timeoutSeconds) throws IOException {
        Path file = till.dir().resolve(SyncSettings.FILE);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("server.url=")) {
                line = "server.url=" + url.replace(":", "\\:");
            } else if (line.startsWith("server.response_timeout_seconds=")) {
                line = "server.response_timeout_seconds=" + timeoutSeconds;
            }
            lines.add(line);
        }
        Files.write(file, lines);
    }

    @Test
    void everyFaultEndsTheRoundInWordsAndLosesAndDoublesNothing() throws Exception {
        EnrolledTill till = enrolled("C01");
        List<String> cards = registry.activeCards();
        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(1, 7, 0)));
        for (String uid : cards.subList(0, 60)) {
            lines.addAll(Scripts.sale(uid));
        }
        TillCli.script(till.dir(), lines);
        try (FaultyProxy proxy = new FaultyProxy(server.baseUri().getPort())) {
            pointAt(till, proxy.url(), 3);
            int round = 0;
            for (Fault fault : List.of(Fault.DROP, Fault.STALL, Fault.HTTP_500, Fault.TRUNCATE, Fault.GARBLE, Fault.LOSE_ANSWER)) {
                proxy.fault(fault, fault == Fault.DROP || fault == Fault.STALL || fault == Fault.HTTP_500 ? "" : UPLOAD);
                TillCli.Run r = TillCli.sync(till.dir());
                assertThat(r.status()).as(fault + ": " + r.out() + r.err()).isEqualTo(1);
                assertThat(r.err()).as(fault + " is reported in words").contains("not in sync");
                long held = admin.till(till.tillId()).get("records").asLong();
                assertThat(held).as(fault + ": the server holds a prefix, never more").isLessThanOrEqualTo(till.journal().size());
                // more sales between the faults: every round has something new to send
                List<String> more = new ArrayList<>(Scripts.login(Scripts.day(1, 8, round++)));
                more.addAll(Scripts.sale(cards.get(100 + round)));
                TillCli.script(till.dir(), more);
            }
            proxy.fault(Fault.DRIP, UPLOAD);
            assertThat(TillCli.sync(till.dir()).status()).as("a slow drip is slow, not a failure").isZero();
            proxy.fault(Fault.NONE);
            TillCli.Run clean = TillCli.sync(till.dir());
            assertThat(clean.status()).as(clean.out() + clean.err()).isZero();
        }
        assertServerHoldsExactly(till);
    }

    @Test
    void aTillSellsWhileItsBackgroundSyncIsStuckOnAStalledServer() throws Exception {
        EnrolledTill till = enrolled("C01");
        List<String> cards = registry.activeCards();
        ConfiguredTill configured = new TillConfigMapping().load(TillCli.config(till.dir()));
        List<String> lines = new ArrayList<>(Scripts.openShift(Scripts.day(1, 11, 0)));
        for (String uid : cards.subList(40, 70)) {
            lines.addAll(Scripts.sale(uid));
        }
        long idle = timedScript(configured, lines, null);

        EnrolledTill second = enrolled("C01");
        try (FaultyProxy proxy = new FaultyProxy(server.baseUri().getPort())) {
            pointAt(second, proxy.url(), 100);
            proxy.fault(Fault.STALL);
            ConfiguredTill stalledTill = new TillConfigMapping().load(TillCli.config(second.dir()));
            AtomicReference<BackgroundSync> sync = new AtomicReference<>();
            long stalled = timedScript(stalledTill, lines, sync);
            assertThat(sync.get().lastResult()).as("the sync was stuck during the whole lunchtime").isEmpty();
            sync.get().close();
            System.out.printf("checkout: 30 sales took %d ms with no sync, %d ms with the background sync stalled%n", idle, stalled);
        }
    }

    /** Runs a script on an in-process till; with {@code sync} non-null, a background sync runs on its store meanwhile. */
    private static long timedScript(ConfiguredTill till, List<String> lines, AtomicReference<BackgroundSync> sync) {
        long start = System.nanoTime();
        StringWriter out = new StringWriter();
        TillScript.Ending ending;
        try {
            ending = TillScript.run(new BufferedReader(new StringReader(String.join("\n", lines))), till.setup().zone(), clock -> {
                Till opened = till.open(clock);
                if (sync != null) {
                    // The online check too: a stalled server may cost one elder its 300 ms, then it pauses.
                    opened.attach(new OnlineUsageCheck(opened.store(), SyncSettings.beside(till.config().file()), opened.clock()),
                            Duration.ofMinutes(30));
                    sync.set(new BackgroundSync(opened.store(), SyncSettings.beside(till.config().file()), till.setup().tillId(), clock,
                            Duration.ofSeconds(1), Duration.ofSeconds(5)).start());
                    try {
                        Thread.sleep(1500); // the first round has started and is stuck
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return opened;
            }, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(ending.exitCode()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("\"state\":\"sale\"");
        if (sync != null) {
            assertThat(out.toString()).as("no answer from a stalled server: every bill counted locally")
                    .contains("\"usage_check\":\"local\"").doesNotContain("\"usage_check\":\"online\"");
        }
        return (System.nanoTime() - start) / 1_000_000 - (sync != null ? 1500 : 0);
    }
}
