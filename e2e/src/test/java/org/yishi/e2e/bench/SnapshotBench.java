package org.yishi.e2e.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.yishi.e2e.support.AdminApi;
import org.yishi.e2e.support.DemoRegistry;
import org.yishi.e2e.support.ServerProcess;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;
import org.yishi.till.sync.Enroller;
import org.yishi.till.sync.SyncHttp;
import org.yishi.till.sync.SyncSettings;

/**
 * A full snapshot of a big registry to a new till, end to end (docs/benchmarks.md, "Settlement server"): the demo
 * registry of N elders imported into a real server (a child process, H2), then {@code till enroll} in this JVM — the
 * server writes the snapshot, the till downloads it, checks its signature and installs it through the journalled
 * paths. Then the snapshot is downloaded once more alone, for its bytes on the wire and the download's share.
 * Not a test. Run: {@code scripts/snapshot-bench.sh [ELDERS]}.
 */
public final class SnapshotBench {

    public static void main(String[] args) throws Exception {
        int elders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        Path dir = Files.createTempDirectory("yishi-snapshot-bench");
        long t = System.nanoTime();
        DemoRegistry registry = DemoRegistry.write(dir.resolve("registry"), elders, 1);
        System.out.printf("registry of %,d elders written in %.1f s%n", elders, seconds(t));
        try (ServerProcess server = new ServerProcess(dir.resolve("server"), Map.of()).start()) {
            AdminApi admin = AdminApi.of(server).withTimeout(Duration.ofMinutes(30));
            t = System.nanoTime();
            AdminApi.expect(admin.importRegistry(registry.dir(), "full"), 200);
            System.out.printf("imported into the server in %.1f s%n", seconds(t));
            String code = admin.createTill("BENCH-NEW", "C01");
            Path tillDir = dir.resolve("till");
            t = System.nanoTime();
            Enroller.Outcome outcome = new Enroller(Clock.system(ZoneId.of("Asia/Shanghai"))).enroll(URI.create(server.url()), code, tillDir,
                    "BENCH-NEW");
            double enrolSeconds = seconds(t);
            if (!(outcome instanceof Enroller.Outcome.Enrolled)) {
                throw new IllegalStateException("enrolment failed: " + outcome);
            }
            long held;
            try (TillStore store = TillStore.open(new TillDataDirectory(tillDir.resolve("data")), "BENCH-NEW",
                    Clock.system(ZoneId.of("Asia/Shanghai")))) {
                held = store.registry().elderCount();
            }
            SyncSettings settings = SyncSettings.beside(tillDir.resolve("till.yaml"));
            t = System.nanoTime();
            long bytes;
            try (SyncHttp http = SyncHttp.forDownloads(settings)) {
                bytes = http.get(SyncPaths.SNAPSHOT).body().length;
            }
            double downloadSeconds = seconds(t);
            System.out.printf("snapshot of %,d elders to a new till, end to end (enrol + download + verify + install): %.1f s; the till holds"
                    + " %,d elders; the download alone (server writes + sends, till receives): %.1f s, %,d bytes on the wire (%.1f MB)%n",
                    elders, enrolSeconds, held, downloadSeconds, bytes, bytes / 1e6);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
