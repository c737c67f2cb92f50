package org.yishi.server.journal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many journal batches an instance verifies and stores at once. Verification is CPU-bound: more batches at a time
 * than cores only queue on the CPU while each holds a database connection — and the online check, which an elder at
 * a counter waits for, would wait for a connection behind them. Batches beyond the limit wait here, fairly, holding
 * nothing; one that waits too long is answered {@code busy} (503) and sent again by the till's backoff.
 * {@code yishi.sync.concurrent-ingests}: 0 (the default) means one fewer than the processors (at least one) — a core
 * stays free for what people wait on (docs/benchmarks.md: on 2 cores, 2 turns gave the online check a p99 of 119 ms
 * under full ingest load, 1 turn 20 ms).
 */
@Component
public class IngestGate {

    private final Semaphore turns;
    private final Duration maxWait;

    public IngestGate(@Value("${yishi.sync.concurrent-ingests:0}") int concurrent, @Value("${yishi.sync.ingest-wait:PT30S}") Duration maxWait) {
        this.turns = new Semaphore(concurrent > 0 ? concurrent : Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);
        this.maxWait = maxWait;
    }

    /** @return whether a turn was had (false: waited {@code maxWait} in vain, or interrupted) */
    public boolean enter() {
        try {
            return turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void leave() {
        turns.release();
    }
}
