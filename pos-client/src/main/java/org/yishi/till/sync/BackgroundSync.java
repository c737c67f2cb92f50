package org.yishi.till.sync;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.yishi.till.store.TillStore;

/**
 * Sync rounds in the background of a running till: one thread of its own (never the FX thread, never a lock a
 * checkout waits on for longer than one journal read), a round every {@code interval} while the server answers, and
 * after a failure exponential backoff with full jitter (a random delay up to {@code interval × 2^failures}, capped), so
 * twenty tills coming back online do not all knock at once. The last result is there for the status bar.
 */
public final class BackgroundSync implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BackgroundSync.class.getName());

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yishi-sync");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final TillStore store;
    private final SyncSettings settings;
    private final String tillId;
    private final SyncRound round;
    private final Duration interval;
    private final Duration cap;
    private volatile SyncRound.Result last;
    private int failures;

    public BackgroundSync(TillStore store, SyncSettings settings, String tillId, Clock clock, Duration interval, Duration cap) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tillId = Objects.requireNonNull(tillId, "tillId");
        this.round = new SyncRound(clock, "yishi-till");
        this.interval = interval;
        this.cap = cap;
    }

    public BackgroundSync start() {
        thread.schedule(this::runOnce, 1, TimeUnit.SECONDS);
        return this;
    }

    private void runOnce() {
        long delay;
        try {
            SyncRound.Result r = round.run(store, settings, tillId);
            last = r;
            if (r.problem().isEmpty()) {
                failures = 0;
                delay = interval.toMillis();
            } else {
                failures = Math.min(failures + 1, 20);
                LOG.log(System.Logger.Level.WARNING, "sync round incomplete ({0} records waiting): {1}", r.waiting(), r.problem().get());
                long ceiling = Math.min(cap.toMillis(), interval.toMillis() * (1L << Math.min(failures, 16)));
                delay = ThreadLocalRandom.current().nextLong(Math.max(1, ceiling / 10), ceiling + 1);
            }
        } catch (RuntimeException e) {
            // A bug or a closed store must not kill the thread silently: say so, try again later.
            LOG.log(System.Logger.Level.ERROR, "sync round failed", e);
            delay = cap.toMillis();
        }
        if (!thread.isShutdown()) {
            thread.schedule(this::runOnce, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** How the last round ended, if one has run. */
    public Optional<SyncRound.Result> lastResult() {
        return Optional.ofNullable(last);
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
