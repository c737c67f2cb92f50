package org.yishi.cardreader.event;

/**
 * The one thing the till depends on: a stream of identification and reader-status events from all devices at
 * the counter. Thread-safe: subscribe and unsubscribe from any thread, at any time.
 */
public interface ReaderEventStream {

    /**
     * Starts delivering every event published from now on to the listener, in each source's publishing order.
     */
    Subscription subscribe(ReaderEventListener listener);
}
