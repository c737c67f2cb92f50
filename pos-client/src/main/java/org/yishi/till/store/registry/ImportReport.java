package org.yishi.till.store.registry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one import. Accepted rows are in the cache whatever was rejected.
 *
 * @param kind            what was imported: elders, cards, canteens, menu
 * @param source          where from (file name)
 * @param accepted        rows written to the cache
 * @param rejected        rows refused
 * @param rejections      the first {@value RegistryImport#MAX_REPORTED_REJECTIONS} refusals, in line order
 * @param elapsed         wall time of the import
 * @param registry        for elders and cards: full or delta, and what was blocked and removed
 */
public record ImportReport(String kind, String source, long accepted, long rejected, List<RowRejection> rejections,
        Duration elapsed, Optional<RegistryEffect> registry) {
    public ImportReport {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(registry, "registry");
    }

    /** The report of an import that only writes what it accepts (canteens, menus). */
    public ImportReport(String kind, String source, long accepted, long rejected, List<RowRejection> rejections, Duration elapsed) {
        this(kind, source, accepted, rejected, rejections, elapsed, Optional.empty());
    }

    /** Accepted rows per second of wall time. */
    public double rowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return accepted / seconds;
    }
}
