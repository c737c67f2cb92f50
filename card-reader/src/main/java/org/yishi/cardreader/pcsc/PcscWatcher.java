package org.yishi.cardreader.pcsc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventSink;
import org.yishi.cardreader.event.StatusEvent;

/**
 * Watches every PC/SC reader at the till on one background thread and publishes what happens as reader events:
 * a card tapped (once per tap), removed, unsupported; readers plugged in and pulled out; the PC/SC service going
 * away and coming back.
 *
 * <p>The loop is deliberately simple: list the readers, check each for a card, then wait for a card change for at
 * most {@link PcscSettings#pollInterval()}. pcsc-lite does not wake a waiting call when a reader is plugged in,
 * so listing on every turn is what notices new readers; the wait returns at once when a card comes or goes, so
 * taps are not delayed by it. Card reads run on their own short-lived threads with a timeout, so a reader that
 * hangs in its driver costs one thread and a status event, never the watcher.
 *
 * <p>Every event's source is the reader's name, except the watcher-wide ones ({@link StatusEvent.NoReader},
 * {@link StatusEvent.ReaderListChanged}, {@link StatusEvent.ServiceUnavailable}) whose source is {@value #SOURCE}.
 */
public final class PcscWatcher implements AutoCloseable {

    /** The source name of watcher-wide events. */
    public static final String SOURCE = "pcsc";

    private final CardTerminalsSource terminalsSource;
    private final PcscSettings settings;
    private final ReaderEventSink sink;
    private final Clock clock;
    private final CardInterrogator interrogator;
    private final ExecutorService cardReads;
    private final Map<String, ReaderSlot> slots = new LinkedHashMap<>();
    private final AtomicLong turns = new AtomicLong();
    private final Thread thread;

    private volatile boolean running;
    private CardTerminals terminals;
    /** Null while the service is fine; otherwise the error name last reported, so an outage is reported once. */
    private String serviceOutage;
    private boolean noReaderReported;

    public PcscWatcher(CardTerminalsSource terminalsSource, PcscSettings settings, ReaderEventSink sink, Clock clock) {
        this.terminalsSource = Objects.requireNonNull(terminalsSource, "terminalsSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interrogator = new CardInterrogator(settings);
        this.cardReads = Executors.newCachedThreadPool(task -> daemon(task, "yishi-pcsc-read"));
        this.thread = daemon(this::loop, "yishi-pcsc-watcher");
    }

    /** Starts watching; returns at once. */
    public synchronized PcscWatcher start() {
        if (running || thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("the watcher has already been started");
        }
        running = true;
        thread.start();
        return this;
    }

    /** How many times the loop has gone round; lets tests and diagnostics see that the watcher is alive. */
    public long turns() {
        return turns.get();
    }

    /** Whether the watcher thread is still running (it only stops when closed). */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Stops the watcher and waits for its thread, at most one poll interval plus one read timeout. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        cardReads.shutdownNow();
        try {
            thread.join(settings.pollInterval().plus(settings.readTimeout()).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                turn();
            } catch (RuntimeException e) {
                // A bug or a provider surprise must not end the watcher: say so, drop the context, go on.
                publish(new StatusEvent.ReaderError(clock.instant(), SOURCE, "watcher error: " + e));
                terminals = null;
                pause(settings.serviceRetry());
            }
            turns.incrementAndGet();
        }
    }

    private void turn() {
        if (terminals == null && !connect()) {
            pause(settings.serviceRetry());
            return;
        }
        List<CardTerminal> readers;
        try {
            readers = wanted(terminals.list());
        } catch (CardException e) {
            serviceFailed(PcscFailure.of(e));
            return;
        }
        updateReaderList(readers);
        if (readers.isEmpty()) {
            pause(settings.pollInterval());
            return;
        }
        for (CardTerminal reader : readers) {
            if (!checkCard(reader)) {
                return;
            }
        }
        if (serviceOutage != null) {
            // Back only once a whole turn worked: a half-restarted service must not flap the status bar.
            serviceOutage = null;
            publish(new StatusEvent.ReaderListChanged(clock.instant(), SOURCE,
                    readers.stream().map(CardTerminal::getName).toList()));
        }
        awaitChange();
    }

    private boolean connect() {
        try {
            terminals = terminalsSource.open();
            return true;
        } catch (CardException | RuntimeException e) {
            reportOutage(PcscFailure.of(e).code());
            return false;
        }
    }

    private List<CardTerminal> wanted(List<CardTerminal> listed) {
        if (settings.readerFilter().isEmpty()) {
            return listed;
        }
        List<CardTerminal> kept = new ArrayList<>();
        for (CardTerminal t : listed) {
            if (t.getName().contains(settings.readerFilter())) {
                kept.add(t);
            }
        }
        return kept;
    }

    private void updateReaderList(List<CardTerminal> readers) {
        if (serviceOutage != null) {
            // A card may have been swapped during the outage without the watcher seeing it go.
            slots.values().forEach(slot -> slot.verifyCard = slot.cardPresent);
        }
        List<String> names = readers.stream().map(CardTerminal::getName).toList();
        boolean changed = false;
        for (var it = slots.entrySet().iterator(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!names.contains(name)) {
                it.remove();
                publish(new StatusEvent.ReaderDisconnected(clock.instant(), name));
                changed = true;
            }
        }
        for (String name : names) {
            if (!slots.containsKey(name)) {
                slots.put(name, new ReaderSlot());
                publish(new StatusEvent.ReaderConnected(clock.instant(), name));
                changed = true;
            }
        }
        if (changed || turns.get() == 0) {
            publish(new StatusEvent.ReaderListChanged(clock.instant(), SOURCE, names));
        }
        if (names.isEmpty() && !noReaderReported) {
            publish(new StatusEvent.NoReader(clock.instant(), SOURCE));
        }
        noReaderReported = names.isEmpty();
    }

    /** @return false when the service went away and the turn should end */
    private boolean checkCard(CardTerminal reader) {
        ReaderSlot slot = slots.get(reader.getName());
        boolean present;
        try {
            present = reader.isCardPresent();
        } catch (CardException e) {
            PcscFailure failure = PcscFailure.of(e);
            if (failure.kind() == PcscFailure.Kind.SERVICE_GONE) {
                serviceFailed(failure);
                return false;
            }
            // Unplugged between list() and now: the next list() reports it.
            return true;
        }
        if (present && slot.verifyCard) {
            slot.verifyCard = false;
            CardReadout readout = readWithTimeout(reader);
            if (!(readout instanceof CardReadout.Identified id) || !id.uid().equals(slot.uid)) {
                slot.uid = null;
                handleReadout(reader.getName(), slot, readout);
            }
        } else if (present && !slot.cardPresent) {
            slot.cardPresent = true;
            slot.uid = null;
            handleReadout(reader.getName(), slot, readWithTimeout(reader));
        } else if (!present && slot.cardPresent) {
            slot.cardPresent = false;
            slot.verifyCard = false;
            slot.removedAt = clock.instant();
            slot.removedUid = slot.uid;
            publish(new StatusEvent.CardRemoved(clock.instant(), reader.getName(), slot.uid));
        }
        return true;
    }

    private CardReadout readWithTimeout(CardTerminal reader) {
        Future<CardReadout> read;
        try {
            read = cardReads.submit(() -> interrogator.read(reader));
        } catch (RuntimeException rejectedAfterClose) {
            return new CardReadout.Failed(new PcscFailure(PcscFailure.Kind.OTHER, "watcher closing"));
        }
        try {
            return read.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            return new CardReadout.Failed(new PcscFailure(PcscFailure.Kind.OTHER,
                    "reader did not answer within " + settings.readTimeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            return new CardReadout.Failed(PcscFailure.of(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CardReadout.Failed(new PcscFailure(PcscFailure.Kind.OTHER, "interrupted"));
        }
    }

    private void handleReadout(String reader, ReaderSlot slot, CardReadout readout) {
        Instant now = clock.instant();
        if (readout instanceof CardReadout.Identified id) {
            slot.uid = id.uid();
            if (slot.isBounce(id.uid(), now, settings.debounce())) {
                return;
            }
            publish(new IdentificationEvent.CardTapped(now, reader, id.uid(), id.elderNo()));
        } else if (readout instanceof CardReadout.Unsupported unsupported) {
            publish(new StatusEvent.UnsupportedCard(now, reader, unsupported.detail()));
        } else if (readout instanceof CardReadout.Failed failed) {
            PcscFailure failure = failed.failure();
            switch (failure.kind()) {
                case CARD_GONE -> publish(new StatusEvent.ReaderError(now, reader,
                        "card left the reader during the read (" + failure.code() + "): tap again"));
                case CARD_UNSUPPORTED -> publish(new StatusEvent.UnsupportedCard(now, reader, failure.code()));
                case SERVICE_GONE -> {
                    // Not read: read it when the service is back, as if it had just been put down.
                    slot.cardPresent = false;
                    serviceFailed(failure);
                }
                // The reader vanished mid-read; the next list() reports it disconnected.
                case READER_GONE -> { }
                case OTHER -> publish(new StatusEvent.ReaderError(now, reader, "card read failed: " + failure.code()));
                default -> throw new IllegalStateException("unhandled failure kind " + failure.kind());
            }
        }
    }

    private void awaitChange() {
        try {
            terminals.waitForChange(settings.pollInterval().toMillis());
        } catch (CardException e) {
            PcscFailure failure = PcscFailure.of(e);
            if (failure.kind() == PcscFailure.Kind.SERVICE_GONE) {
                serviceFailed(failure);
            } else {
                pause(settings.pollInterval());
            }
        } catch (IllegalStateException noReadersAnyMore) {
            // The last reader went between list() and the wait; the next turn reports it.
            pause(settings.pollInterval());
        }
    }

    private void serviceFailed(PcscFailure failure) {
        terminals = null;
        String detail = failure.code();
        if (!terminalsSource.discard()) {
            detail += " (the PC/SC context cannot be renewed in this process: restart the till)";
        }
        reportOutage(detail);
        pause(settings.serviceRetry());
    }

    private void reportOutage(String detail) {
        if (!detail.equals(serviceOutage)) {
            publish(new StatusEvent.ServiceUnavailable(clock.instant(), SOURCE, detail));
        }
        serviceOutage = detail;
    }

    private void publish(ReaderEvent event) {
        try {
            sink.publish(event);
        } catch (RuntimeException e) {
            // The sink (usually the hub) isolates its subscribers; if it throws itself, keep watching regardless.
            System.getLogger(PcscWatcher.class.getName())
                    .log(System.Logger.Level.WARNING, "reader event sink failed on " + event, e);
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // close() interrupts to end a pause early; running is false by then.
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    /** What the watcher knows of one reader, touched only by the watcher thread. */
    private static final class ReaderSlot {
        boolean cardPresent;
        /** Set after a service outage: the card on the reader may not be the one read before it. */
        boolean verifyCard;
        String uid;
        Instant removedAt;
        String removedUid;

        /** The same card back on the same reader within the debounce time: still the same tap. */
        boolean isBounce(String uid, Instant now, Duration debounce) {
            return removedAt != null && uid.equals(removedUid)
                    && Duration.between(removedAt, now).compareTo(debounce) < 0;
        }
    }
}
