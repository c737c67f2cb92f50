package org.yishi.till.store.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.SaleOrigin;
import org.yishi.sync.protocol.UsageEntry;
import org.yishi.sync.protocol.UsagePage;
import org.yishi.sync.protocol.UsageReversal;
import org.yishi.till.store.TillDataDirectory;
import org.yishi.till.store.TillStore;

/**
 * Other tills' usage on a real till store (H2 file): stored once per origin, reversals honoured, this till's own sales
 * never taken from the server, cursors never backwards, a bad page stores nothing, and the limit history holds each
 * remote lunch in local time.
 */
class RemoteUsageStoreTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 12, 3, 11, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);

    @TempDir
    Path dir;

    private static UsageEntry lunch(String till, long seq, String elder, String time) {
        return new UsageEntry(till, seq, elder, time, "lunch", "dine_in", 500, List.of("r"), List.of());
    }

    @Test
    void aPageAppliedTwiceChangesNothingAndReversalsAndOwnSalesAreHandled() {
        try (TillStore store = TillStore.open(new TillDataDirectory(dir), "T-01", CLOCK)) {
            UsagePage page = new UsagePage(List.of(lunch("T-02", 7, "E1", "2026-12-03T11:05:00.000+08:00"),
                    lunch("T-03", 9, "E1", "2026-12-02T03:30:00.000Z"),
                    lunch("T-01", 4, "E1", "2026-12-03T10:00:00.000+08:00")),
                    List.of(), Map.of("T-02", 12L, "T-03", 9L, "T-01", 40L), false);

            RemoteUsageStore.Applied first = store.remoteUsage().apply(page);
            store.remoteUsage().apply(page);

            assertThat(first).isEqualTo(new RemoteUsageStore.Applied(2, 0, 1));
            assertThat(store.remoteUsage().count()).isEqualTo(2);
            assertThat(store.remoteUsage().seenUpTo()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("T-02", 12L, "T-03", 9L)));
            List<PriorPurchase> history = store.limitHistory().around("E1", LocalDate.of(2026, 12, 3));
            assertThat(history).extracting(PriorPurchase::origin).containsExactly(
                    Optional.of(new SaleOrigin("T-03", 9)), Optional.of(new SaleOrigin("T-02", 7)));
            assertThat(history.get(0).time()).as("UTC turned into Shanghai time").isEqualTo(LocalDateTime.of(2026, 12, 2, 11, 30));

            store.remoteUsage().apply(new UsagePage(List.of(), List.of(new UsageReversal("T-02", 7, 8)), Map.of("T-02", 8L), false));

            assertThat(store.limitHistory().around("E1", LocalDate.of(2026, 12, 3))).extracting(PriorPurchase::origin)
                    .containsExactly(Optional.of(new SaleOrigin("T-03", 9)));
            assertThat(store.remoteUsage().seenUpTo()).as("a cursor never goes back").containsEntry("T-02", 12L);
        }
    }

    @Test
    void aPageWithAnUnreadableEntryStoresNothing() {
        try (TillStore store = TillStore.open(new TillDataDirectory(dir), "T-01", CLOCK)) {
            UsagePage bad = new UsagePage(List.of(lunch("T-02", 7, "E1", "2026-12-03T11:05:00.000+08:00"),
                    lunch("T-02", 8, "E1", "yesterday at noon")), List.of(), Map.of("T-02", 8L), false);

            assertThatThrownBy(() -> store.remoteUsage().apply(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("T-02#8").hasMessageContaining("yesterday at noon");

            assertThat(store.remoteUsage().count()).isZero();
            assertThat(store.remoteUsage().seenUpTo()).isEmpty();
        }
    }

    @Test
    void usageOutsideTheLimitWindowsIsNotInTheHistoryAndCanBePruned() {
        try (TillStore store = TillStore.open(new TillDataDirectory(dir), "T-01", CLOCK)) {
            store.remoteUsage().apply(new UsagePage(List.of(lunch("T-02", 1, "E1", "2026-10-15T11:00:00.000+08:00"),
                    lunch("T-02", 2, "E1", "2026-12-01T11:00:00.000+08:00"), lunch("T-02", 3, "E2", "2026-12-01T11:00:00.000+08:00")),
                    List.of(), Map.of("T-02", 3L), false));

            assertThat(store.limitHistory().around("E1", LocalDate.of(2026, 12, 3))).hasSize(1);
            assertThat(store.remoteUsage().pruneBefore(LocalDateTime.of(2026, 11, 1, 0, 0))).isEqualTo(1);
            assertThat(store.remoteUsage().count()).isEqualTo(2);
        }
    }
}
