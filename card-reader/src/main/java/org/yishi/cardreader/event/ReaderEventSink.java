package org.yishi.cardreader.event;

/** Where a device puts its events. Implementations must accept calls from any thread. */
@FunctionalInterface
public interface ReaderEventSink {

    void publish(ReaderEvent event);
}
