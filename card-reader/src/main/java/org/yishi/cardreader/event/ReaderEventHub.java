package org.yishi.cardreader.event;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Fans events from every device at the counter out to every subscriber, in process.
 *
 * <p>Delivery is synchronous on the publishing thread: no queue to lose events in or to leak a thread, and
 * each source's order is kept. Subscribers are held in a copy-on-write list because subscriptions change
 * rarely and events are published from several device threads at once. A subscriber that throws is reported
 * to the failure handler and the event still reaches all the others: one broken status-bar widget must not
 * stop the checkout from hearing a card tap.
 */
public final class ReaderEventHub implements ReaderEventStream, ReaderEventSink {

    private final CopyOnWriteArrayList<ReaderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<ReaderEvent, RuntimeException> failureHandler;

    /** A hub that logs failing subscribers through {@link System.Logger}. */
    public ReaderEventHub() {
        this((event, failure) -> System.getLogger(ReaderEventHub.class.getName())
                .log(System.Logger.Level.WARNING, "a reader-event subscriber failed on " + event.getClass().getSimpleName()
                        + " from " + event.source(), failure));
    }

    /** @param failureHandler told about each subscriber that throws; must not throw itself */
    public ReaderEventHub(BiConsumer<ReaderEvent, RuntimeException> failureHandler) {
        this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
    }

    @Override
    public Subscription subscribe(ReaderEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        // Wrap so the same listener object may subscribe twice and each subscription removes only itself.
        ReaderEventListener registered = listener::onEvent;
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }

    @Override
    public void publish(ReaderEvent event) {
        Objects.requireNonNull(event, "event");
        for (ReaderEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException failure) {
                try {
                    failureHandler.accept(event, failure);
                } catch (RuntimeException ignored) {
                    // The handler is the last resort; a failure here must still not starve later subscribers.
                }
            }
        }
    }

    /** How many subscriptions are open (for diagnostics and tests). */
    public int subscriberCount() {
        return listeners.size();
    }
}
