package org.yishi.cardreader.pcsc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventSink;

/** A sink that keeps what the watcher published, for tests to wait on and count. */
final class RecordedEvents implements ReaderEventSink {

    private final List<ReaderEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(ReaderEvent event) {
        events.add(event);
    }

    List<ReaderEvent> all() {
        return List.copyOf(events);
    }

    <T extends ReaderEvent> List<T> of(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends ReaderEvent> List<T> of(Class<T> kind, Predicate<T> matching) {
        return of(kind).stream().filter(matching).toList();
    }

    /** Waits until the n-th event of this kind matching the predicate has arrived, and returns it. */
    <T extends ReaderEvent> T awaitNth(int n, Class<T> kind, Predicate<T> matching, Duration timeout) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(() -> of(kind, matching).size() >= n);
        return of(kind, matching).get(n - 1);
    }

    <T extends ReaderEvent> T await(Class<T> kind, Predicate<T> matching, Duration timeout) {
        return awaitNth(1, kind, matching, timeout);
    }

    <T extends ReaderEvent> T await(Class<T> kind, Duration timeout) {
        return awaitNth(1, kind, e -> true, timeout);
    }
}
