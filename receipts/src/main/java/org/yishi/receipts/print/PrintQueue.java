package org.yishi.receipts.print;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.yishi.receipts.RenderedReceipt;

/**
 * Prints receipts off the caller's thread, one at a time, in the order they were submitted, and never loses one.
 *
 * <ul>
 *   <li>{@link #submit} only files the job and returns: the sale at the counter never waits for paper.
 *       The queue is bounded (jobs and bytes); when full it refuses with {@link Admission#REFUSED_FULL} —
 *       the sale is in the journal already and its receipt can be reprinted from there.</li>
 *   <li>A job whose print fails is <b>held</b>, with the reason; the queue then pauses, so later receipts do not
 *       print out of order and the broken printer is not hammered. Later submissions wait behind it.</li>
 *   <li>After fixing the printer the cashier calls {@link #retry()} (every held job, in order) or
 *       {@link #reprint(String)} (one). A job prints once: printed ids are remembered and refused again.</li>
 *   <li>A held job leaves the queue only by printing or by a supervisor's {@link #discard}, which is recorded.</li>
 *   <li>With a {@link HeldJobDirectory}, held jobs (and those waiting behind them) are written to disk and come
 *       back, held, after a till restart.</li>
 * </ul>
 * One worker thread calls the {@link PrinterOutput}, each call under a watchdog ({@link PrintQueueSettings#hardLimit()}),
 * so even an output that hangs despite its own timeouts only holds its job. Listeners hear events on a separate
 * event thread.
 */
public final class PrintQueue implements AutoCloseable {

    /** What one job is doing. */
    public enum JobState { WAITING, PRINTING, HELD, RELEASED }

    /** A job as the status bar and the supervisor's discard screen see it. */
    public record JobView(long sequence, String receiptId, org.yishi.receipts.ReceiptKind kind, int bytes,
                          Instant submittedAt, JobState state, Optional<HoldReason> reason) {
    }

    private static final class Entry {
        final long sequence;
        final RenderedReceipt receipt;
        final Instant submittedAt;
        JobState state = JobState.WAITING;
        HoldReason reason;
        boolean persisted;

        Entry(long sequence, RenderedReceipt receipt, Instant submittedAt) {
            this.sequence = sequence;
            this.receipt = receipt;
            this.submittedAt = submittedAt;
        }

        JobView view() {
            return new JobView(sequence, receipt.receiptId(), receipt.kind(), receipt.escPos().length, submittedAt, state,
                    Optional.ofNullable(reason));
        }
    }

    private final PrinterOutput output;
    private final PrintQueueSettings settings;
    private final Clock clock;
    private final Optional<HeldJobDirectory> store;
    private final Watchdog watchdog = new Watchdog("yishi-print-output");
    private final List<PrintQueueListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private final Thread worker;
    private final List<String> loadProblems;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock:
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Instant> recentlyPrinted;
    private final List<DiscardRecord> discards = new ArrayList<>();
    private long nextSequence = 1;
    private long queuedBytes;
    private boolean open = true;
    private HoldReason latestHold;
    private Set<PrinterCondition> warnings = Set.of();

    /** A queue without persistence. */
    public PrintQueue(PrinterOutput output, PrintQueueSettings settings, Clock clock) {
        this(output, settings, clock, Optional.empty());
    }

    /** A queue that keeps unprinted jobs in {@code store} and starts with the ones found there, held. */
    public PrintQueue(PrinterOutput output, PrintQueueSettings settings, Clock clock, Optional<HeldJobDirectory> store) {
        this.output = Objects.requireNonNull(output, "output");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.recentlyPrinted = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > settings.rememberPrinted();
            }
        };
        this.loadProblems = new ArrayList<>(store.map(this::restore).orElse(List.of()));
        this.events = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "yishi-print-events");
            thread.setDaemon(true);
            return thread;
        });
        this.worker = new Thread(this::work, "yishi-print-queue");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    private List<String> restore(HeldJobDirectory directory) {
        HeldJobDirectory.Loaded loaded = directory.load();
        Instant now = clock.instant();
        for (HeldJobDirectory.StoredJob job : loaded.jobs()) {
            Entry entry = new Entry(job.sequence(), job.receipt(), job.submittedAt());
            entry.state = JobState.HELD;
            entry.persisted = true;
            // It never printed before the restart; whether part of it did is unknown, so say so.
            entry.reason = new HoldReason(FailureKind.IO_ERROR, "not printed before the till restarted"
                    + (job.lastFailure().isEmpty() ? "" : "; last failure: " + job.lastFailure()), Set.of(), true, now);
            entries.add(entry);
            queuedBytes += job.receipt().escPos().length;
            nextSequence = Math.max(nextSequence, job.sequence() + 1);
            latestHold = entry.reason;
        }
        return loaded.problems();
    }

    /** Listens to this queue from now on; the listener first hears the current status. */
    public void addListener(PrintQueueListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        QueueStatus now = status();
        fire(() -> safely(() -> listener.statusChanged(now)));
    }

    /**
     * Files a receipt for printing and returns at once. The bytes are copied: later changes by the caller do not
     * change what prints.
     *
     * @throws IllegalArgumentException if the receipt id has control characters (a layout bug)
     */
    public Admission submit(RenderedReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        if (receipt.receiptId().isBlank() || receipt.receiptId().chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("receipt id '" + receipt.receiptId() + "' is blank or has control characters");
        }
        RenderedReceipt copy = new RenderedReceipt(receipt.receiptId(), receipt.kind(), receipt.escPos().clone(),
                receipt.kicksDrawer());
        Admission admission;
        lock.lock();
        try {
            admission = admit(copy);
            if (admission.accepted()) {
                entries.add(new Entry(nextSequence++, copy, clock.instant()));
                queuedBytes += copy.escPos().length;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (admission.accepted()) {
            publishStatus();
        }
        return admission;
    }

    private Admission admit(RenderedReceipt receipt) {
        if (!open) {
            return Admission.REFUSED_CLOSED;
        }
        if (find(receipt.receiptId()).isPresent()) {
            return Admission.REFUSED_ALREADY_QUEUED;
        }
        if (recentlyPrinted.containsKey(receipt.receiptId())) {
            return Admission.REFUSED_ALREADY_PRINTED;
        }
        if (entries.size() >= settings.maxJobs() || queuedBytes + receipt.escPos().length > settings.maxBytes()) {
            return Admission.REFUSED_FULL;
        }
        return Admission.ACCEPTED;
    }

    /** Releases every held job for another attempt, in order. Returns how many. */
    public int retry() {
        int released = 0;
        lock.lock();
        try {
            for (Entry entry : entries) {
                if (entry.state == JobState.HELD) {
                    entry.state = JobState.RELEASED;
                    released++;
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        publishStatus();
        return released;
    }

    /** Releases the held job of receipt {@code receiptId} for another attempt; it goes before later jobs. */
    public ReprintOutcome reprint(String receiptId) {
        ReprintOutcome outcome;
        lock.lock();
        try {
            Optional<Entry> entry = find(receiptId);
            if (entry.isPresent()) {
                if (entry.get().state == JobState.HELD) {
                    entry.get().state = JobState.RELEASED;
                    changed.signalAll();
                    outcome = ReprintOutcome.RELEASED;
                } else {
                    outcome = ReprintOutcome.ALREADY_PENDING;
                }
            } else {
                outcome = recentlyPrinted.containsKey(receiptId) ? ReprintOutcome.ALREADY_PRINTED : ReprintOutcome.UNKNOWN_RECEIPT;
            }
        } finally {
            lock.unlock();
        }
        publishStatus();
        return outcome;
    }

    /**
     * A supervisor gives up the paper copy of a job that is held or waiting behind held ones.
     *
     * @throws IllegalArgumentException if supervisor or reason is blank
     * @throws IllegalStateException    if no such job is in the queue, or it is printing right now
     */
    public DiscardRecord discard(String receiptId, String supervisor, String reason) {
        DiscardRecord record;
        Entry removed;
        lock.lock();
        try {
            Entry entry = find(receiptId).orElseThrow(() -> new IllegalStateException(
                    "no print job for receipt " + receiptId + " in the queue"));
            if (entry.state == JobState.PRINTING) {
                throw new IllegalStateException("receipt " + receiptId + " is printing right now; discard it after the attempt");
            }
            if (entry.state == JobState.WAITING && !anyHeld()) {
                throw new IllegalStateException("receipt " + receiptId + " is about to print; only held jobs, or jobs "
                        + "waiting behind them, can be discarded");
            }
            record = new DiscardRecord(receiptId, entry.receipt.kind(), supervisor, reason, clock.instant(),
                    Optional.ofNullable(entry.reason));
            entries.remove(entry);
            queuedBytes -= entry.receipt.escPos().length;
            discards.add(record);
            removed = entry;
            refreshLatestHold();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        store.ifPresent(directory -> {
            try {
                directory.recordDiscard(record);
                directory.remove(removed.sequence);
            } catch (IOException e) {
                // The discard stands in memory and reaches the listener (which journals it); the file log is a copy.
                loadProblemsAppend("could not record discard of " + receiptId + " on disk: " + e.getMessage());
            }
        });
        fire(() -> listeners.forEach(l -> safely(() -> l.discarded(record))));
        publishStatus();
        return record;
    }

    /** What the status bar shows now. */
    public QueueStatus status() {
        lock.lock();
        try {
            return statusLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Every job in the queue, oldest first. */
    public List<JobView> jobs() {
        lock.lock();
        try {
            return entries.stream().map(Entry::view).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every discard since the queue started. */
    public List<DiscardRecord> discards() {
        lock.lock();
        try {
            return List.copyOf(discards);
        } finally {
            lock.unlock();
        }
    }

    /** Files in the held-job directory that could not be read at start (renamed .corrupt), and disk errors since. */
    public List<String> storeProblems() {
        synchronized (loadProblems) {
            return List.copyOf(loadProblems);
        }
    }

    private void loadProblemsAppend(String problem) {
        synchronized (loadProblems) {
            loadProblems.add(problem);
        }
    }

    /**
     * Stops taking jobs, lets the current attempt end (at most the hard limit), and writes every unprinted job to the
     * held-job directory if there is one. Unprinted jobs are not lost: they are on disk, or the sale's journal
     * record is what reprints them.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            open = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(settings.hardLimit().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        persist(unpersisted(true));
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (true) {
            Entry next = null;
            List<Entry> toPersist = List.of();
            lock.lock();
            try {
                while (open) {
                    next = pickNext();
                    if (next != null) {
                        break;
                    }
                    toPersist = unpersisted(false);
                    if (!toPersist.isEmpty()) {
                        break;
                    }
                    changed.awaitUninterruptibly();
                }
                if (!open) {
                    return;
                }
                if (next != null) {
                    next.state = JobState.PRINTING;
                }
            } finally {
                lock.unlock();
            }
            if (next == null) {
                persist(toPersist);
            } else {
                publishStatus();
                attempt(next);
            }
        }
    }

    /** A released job first (the cashier asked for it); otherwise the oldest waiting one, unless jobs are held. */
    private Entry pickNext() {
        for (Entry entry : entries) {
            if (entry.state == JobState.RELEASED) {
                return entry;
            }
        }
        if (anyHeld()) {
            return null;
        }
        for (Entry entry : entries) {
            if (entry.state == JobState.WAITING) {
                return entry;
            }
        }
        return null;
    }

    private void attempt(Entry entry) {
        byte[] bytes = entry.receipt.escPos();
        try {
            Delivery delivery = watchdog.run(() -> output.send(bytes), settings.hardLimit(), FailureKind.HUNG,
                    "printing receipt " + entry.receipt.receiptId() + " to " + output.target().spec());
            boolean wasPersisted;
            lock.lock();
            try {
                entries.remove(entry);
                queuedBytes -= bytes.length;
                recentlyPrinted.put(entry.receipt.receiptId(), clock.instant());
                warnings = delivery.statusAfter().conditions().stream()
                        .filter(c -> !c.stopsPrinting())
                        .collect(() -> EnumSet.noneOf(PrinterCondition.class), Set::add, Set::addAll);
                wasPersisted = entry.persisted;
                refreshLatestHold();
            } finally {
                lock.unlock();
            }
            if (wasPersisted) {
                store.ifPresent(directory -> removeQuietly(directory, entry));
            }
            String id = entry.receipt.receiptId();
            fire(() -> listeners.forEach(l -> safely(() -> l.printed(id, delivery))));
        } catch (PrintFailure failure) {
            HoldReason reason = HoldReason.of(failure, clock.instant());
            lock.lock();
            try {
                entry.state = JobState.HELD;
                entry.reason = reason;
                entry.persisted = false; // rewrite: the file carries the latest failure
                latestHold = reason;
                // The printer is still broken: whatever else the cashier released waits for the next retry.
                for (Entry other : entries) {
                    if (other.state == JobState.RELEASED) {
                        other.state = JobState.HELD;
                    }
                }
            } finally {
                lock.unlock();
            }
            String id = entry.receipt.receiptId();
            fire(() -> listeners.forEach(l -> safely(() -> l.held(id, reason))));
        }
        publishStatus();
    }

    private void removeQuietly(HeldJobDirectory directory, Entry entry) {
        try {
            directory.remove(entry.sequence);
        } catch (IOException e) {
            // A leftover file would come back as held after a restart and print twice: say so loudly.
            loadProblemsAppend("printed receipt " + entry.receipt.receiptId() + " but could not delete its held-job file "
                    + entry.sequence + ": " + e.getMessage() + " — delete it before restarting the till");
        }
    }

    /** Entries that should be on disk and are not: held ones, those waiting behind them, or all at close. */
    private List<Entry> unpersisted(boolean all) {
        if (store.isEmpty()) {
            return List.of();
        }
        lock.lock();
        try {
            boolean held = anyHeld();
            return entries.stream()
                    .filter(e -> !e.persisted && e.state != JobState.PRINTING && (all || held))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    private void persist(List<Entry> toPersist) {
        if (toPersist.isEmpty() || store.isEmpty()) {
            return;
        }
        HeldJobDirectory directory = store.get();
        for (Entry entry : toPersist) {
            String failure;
            lock.lock();
            try {
                failure = entry.reason == null ? "" : entry.reason.kind() + ": " + entry.reason.message();
            } finally {
                lock.unlock();
            }
            boolean stillQueued;
            try {
                directory.save(entry.sequence, entry.receipt, entry.submittedAt, failure);
            } catch (IOException e) {
                loadProblemsAppend("could not keep print job " + entry.receipt.receiptId() + " on disk: " + e.getMessage());
            }
            lock.lock();
            try {
                stillQueued = entries.contains(entry);
                // Marked even when the write failed, so a full disk does not spin the worker; the problem is reported.
                entry.persisted = true;
            } finally {
                lock.unlock();
            }
            if (!stillQueued) {
                removeQuietly(directory, entry);
            }
        }
    }

    private boolean anyHeld() {
        for (Entry entry : entries) {
            if (entry.state == JobState.HELD) {
                return true;
            }
        }
        return false;
    }

    private Optional<Entry> find(String receiptId) {
        return entries.stream().filter(e -> e.receipt.receiptId().equals(receiptId)).findFirst();
    }

    private void refreshLatestHold() {
        HoldReason newest = null;
        for (Entry entry : entries) {
            if (entry.state == JobState.HELD && entry.reason != null
                    && (newest == null || !entry.reason.at().isBefore(newest.at()))) {
                newest = entry.reason;
            }
        }
        latestHold = newest;
    }

    private QueueStatus statusLocked() {
        int held = 0;
        int waiting = 0;
        boolean printing = false;
        for (Entry entry : entries) {
            switch (entry.state) {
                case HELD -> held++;
                case PRINTING -> {
                    printing = true;
                    waiting++;
                }
                default -> waiting++;
            }
        }
        if (held > 0) {
            HoldReason reason = latestHold != null ? latestHold : entries.stream()
                    .filter(e -> e.state == JobState.HELD).map(e -> e.reason).findFirst().orElseThrow();
            return new QueueStatus(reason.phase(), waiting, held, Optional.of(reason), warnings);
        }
        return new QueueStatus(printing ? QueueStatus.Phase.PRINTING : QueueStatus.Phase.READY, waiting, 0,
                Optional.empty(), warnings);
    }

    private void publishStatus() {
        QueueStatus now = status();
        if (!listeners.isEmpty()) {
            fire(() -> listeners.forEach(l -> safely(() -> l.statusChanged(now))));
        }
    }

    private void fire(Runnable event) {
        try {
            events.execute(event);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // After close() nobody listens any more; the state itself is on disk or in the journal.
        }
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A broken listener must not stop printing or the other listeners.
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
    }
}
