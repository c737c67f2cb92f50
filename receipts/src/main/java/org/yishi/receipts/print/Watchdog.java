package org.yishi.receipts.print;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs a blocking printer call on its own daemon thread and stops waiting for it at a deadline.
 *
 * <p>Needed where the JDK offers no timeout: opening a device file, a write the kernel driver blocks on,
 * a print-system call. On timeout the call's thread is interrupted (which unblocks interruptible channel I/O) and
 * abandoned; a fresh thread serves the next call, so one hung device never blocks the queue.
 */
final class Watchdog {
    /** Something that may block and may fail with a {@link PrintFailure}. */
    @FunctionalInterface
    interface BlockingCall<T> {
        T call() throws PrintFailure, Exception;
    }

    private final String threadName;
    private final AtomicLong abandoned = new AtomicLong();

    Watchdog(String threadName) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    /**
     * The call's result, or a {@link PrintFailure} of {@code onTimeout} kind if it has not returned by {@code limit}.
     * Exceptions other than PrintFailure come back as {@link FailureKind#IO_ERROR}.
     */
    <T> T run(BlockingCall<T> call, Duration limit, FailureKind onTimeout, String what) throws PrintFailure {
        return run(call, limit, limit, null, onTimeout, what);
    }

    /**
     * As {@link #run(BlockingCall, Duration, FailureKind, String)}, but also gives up as soon as {@code progress}
     * has not moved for {@code stall}: a printer that keeps taking data slowly may use the whole {@code limit},
     * one that took nothing for {@code stall} may not. The failure says whether anything had been written;
     * with {@code progress == null} that is unknown, and the failure says it may have printed.
     */
    <T> T run(BlockingCall<T> call, Duration stall, Duration limit, LongSupplier progress, FailureKind onTimeout,
              String what) throws PrintFailure {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        long start = System.nanoTime();
        long hardDeadline = start + limit.toNanos();
        long seen = progress == null ? 0 : progress.getAsLong();
        long lastMove = start;
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(hardDeadline, lastMove + stall.toNanos()) - now;
                if (wait <= 0) {
                    worker.interrupt();
                    abandoned.incrementAndGet();
                    String why = now >= hardDeadline
                            ? " did not finish within " + limit.toMillis() + " ms"
                            : " made no progress for " + stall.toMillis() + " ms";
                    if (progress == null) {
                        throw new PrintFailure(onTimeout, what + why + "; abandoned, it may still print",
                                PrinterStatus.unknown("timed out"), true, null);
                    }
                    long done = progress.getAsLong();
                    throw new PrintFailure(onTimeout, what + why + (done > 0 ? " after " + done + " bytes" : ", nothing written"),
                            PrinterStatus.unknown("timed out"), done > 0, null);
                }
                try {
                    return result.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long now2 = progress == null ? 0 : progress.getAsLong();
                    if (now2 != seen) {
                        seen = now2;
                        lastMove = System.nanoTime();
                    }
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new PrintFailure(FailureKind.IO_ERROR, what + " interrupted", PrinterStatus.unknown("interrupted"), true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PrintFailure failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new PrintFailure(FailureKind.IO_ERROR, what + " failed: " + cause,
                    PrinterStatus.unknown(String.valueOf(cause.getMessage())), true, cause);
        }
    }

    /** Calls given up on since this watchdog was made; each may still hold a blocked thread. */
    long abandonedCalls() {
        return abandoned.get();
    }
}
