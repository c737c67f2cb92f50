package org.yishi.till.sync;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.core5.util.Timeout;
import org.yishi.core.journal.JournalFormat;
import org.yishi.sync.protocol.OnlineCheckRequest;
import org.yishi.sync.protocol.SyncJson;
import org.yishi.sync.protocol.SyncPaths;
import org.yishi.sync.protocol.UsagePage;
import org.yishi.till.checkout.ServerLink;
import org.yishi.till.checkout.UsageCount;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.LimitSpan;

/**
 * The online check (docs/sync-protocol-usage.md, "Online check"): as an elder is identified, the till asks the server
 * for that elder's subsidised meals at other tills and adds them to its store by origin (till, seq) — so a lunch sold
 * at another canteen a minute ago counts even before this till's next sync round. The answer is used only if it comes
 * within the configured timeout (300 ms by default); otherwise, and at once while the till is journalled offline, the
 * quote counts what the till knows, and the sale records which ({@code usageCheck}: {@code online} or {@code local}).
 *
 * <p>The request runs on a thread of its own and the caller waits at most the timeout for it; a late answer is
 * dropped, never applied after the quote. Keep-alive connections make a check one round trip. After a check that was
 * not answered, the next ones are skipped for {@value #PAUSE_SECONDS} s: a stalled server costs one elder in that
 * time the timeout, not every elder of the lunch queue.
 */
public final class OnlineUsageCheck implements ServerLink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OnlineUsageCheck.class.getName());
    static final int PAUSE_SECONDS = 30;

    private final TillStore store;
    private final SyncHttp http;
    private final Duration timeout;
    private final Clock clock;
    private final SyncJson json = new SyncJson();
    /** System.nanoTime() before which checks are skipped (the till's clock may be a script's; this is real time). */
    private volatile long pausedUntil = System.nanoTime();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yishi-online-check");
        t.setDaemon(true);
        return t;
    });

    public OnlineUsageCheck(TillStore store, SyncSettings settings, Clock clock) {
        this.store = store;
        this.timeout = settings.onlineCheckTimeout();
        this.clock = clock;
        Timeout t = Timeout.ofMilliseconds(Math.max(1, timeout.toMillis()));
        this.http = new SyncHttp(settings.server(), settings.token(), t, t);
    }

    @Override
    public UsageCount checkUsage(String elderId, LocalDate day) {
        if (timeout.isZero() || store.journal().offlineSinceSeq().isPresent() || System.nanoTime() - pausedUntil < 0) {
            // Configured off, the sync client knows the server is out of reach, or a check just went unanswered:
            // no elder waits for it.
            return UsageCount.LOCAL;
        }
        UsageCount count = ask(elderId, day);
        if (count == UsageCount.LOCAL) {
            pausedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(PAUSE_SECONDS);
        }
        return count;
    }

    private UsageCount ask(String elderId, LocalDate day) {
        String windowStart = JournalFormat.formatTime(LimitSpan.around(day).from().atZone(clock.getZone()).toOffsetDateTime());
        Future<UsagePage> answer;
        try {
            answer = thread.submit(() -> request(elderId, windowStart));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return UsageCount.LOCAL;
        }
        UsagePage page;
        try {
            page = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            answer.cancel(true);
            return UsageCount.LOCAL;
        } catch (ExecutionException failed) {
            LOG.log(System.Logger.Level.DEBUG, "online check not answered: {0}", failed.getCause().toString());
            return UsageCount.LOCAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UsageCount.LOCAL;
        }
        if (page == null) {
            return UsageCount.LOCAL;
        }
        try {
            store.remoteUsage().apply(page);
        } catch (IllegalArgumentException unreadable) {
            LOG.log(System.Logger.Level.WARNING, "online check answer not applied: {0}", unreadable.getMessage());
            return UsageCount.LOCAL;
        }
        return UsageCount.ONLINE;
    }

    /** @return the page, or null when the server refused (the reason is logged, without the token) */
    private UsagePage request(String elderId, String windowStart) throws IOException {
        SyncHttp.Answer a = http.postJson(SyncPaths.ONLINE_CHECK, json.writeBytes(new OnlineCheckRequest(elderId, windowStart)));
        if (a.status() != 200) {
            LOG.log(System.Logger.Level.INFO, "online check refused: {0}", Enroller.refusal(a));
            return null;
        }
        UsagePage page = json.read(a.body(), UsagePage.class);
        if (!page.seenUpTo().isEmpty()) {
            // Cursors belong to the regular usage sync; an online answer that carried some is not one.
            return null;
        }
        return page;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            http.close();
        } catch (IOException ignored) {
            // closing idle connections
        }
    }
}
