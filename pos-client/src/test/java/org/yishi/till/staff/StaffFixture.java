package org.yishi.till.staff;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.yishi.config.demo.DemoStaff;
import org.yishi.config.registry.PinHasher;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/** A till store in a temp dir with the demo staff imported (bcrypt cost 4 to keep tests quick). */
public final class StaffFixture {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final StaffSettings FAST = new StaffSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(3), false, 4,
            Duration.ofMinutes(2));

    private StaffFixture() {
    }

    public static ManualClock clock() {
        return new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), SHANGHAI);
    }

    public static TillStore open(Path root, ManualClock clock) {
        return TillStore.open(new TillDataDirectory(root), "T01", clock);
    }

    /** Opens the store and imports the demo staff (once per directory). */
    public static TillStore openWithStaff(Path root, ManualClock clock) {
        TillStore store = open(root, clock);
        if (new StaffRegistry(store).all().isEmpty()) {
            Path csv = root.resolve("staff.csv");
            DemoStaff.writeCsv(csv, new PinHasher(4));
            new StaffRegistry(store).importCsv(csv, "admin");
        }
        return store;
    }

    public static char[] pin(String s) {
        return s.toCharArray();
    }
}
