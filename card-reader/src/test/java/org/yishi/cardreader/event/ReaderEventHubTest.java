package org.yishi.cardreader.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReaderEventHubTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:30:00Z");
    private final ReaderEventFactory counter = new ReaderEventFactory(Clock.fixed(T0, ZoneId.of("Asia/Shanghai")), "ACR122U 00");

    @Test
    void everySubscriberGetsEveryEventInPublishingOrder() {
        ReaderEventHub hub = new ReaderEventHub();
        List<ReaderEvent> first = new ArrayList<>();
        List<ReaderEvent> second = new ArrayList<>();
        hub.subscribe(first::add);
        hub.subscribe(second::add);

        ReaderEvent tap = counter.cardTapped("04A1B2C3D4E5F6");
        ReaderEvent removed = counter.cardRemoved("04A1B2C3D4E5F6");
        hub.publish(tap);
        hub.publish(removed);

        assertThat(first).containsExactly(tap, removed);
        assertThat(second).containsExactly(tap, removed);
    }

    @Test
    void aFailingSubscriberIsReportedAndDoesNotStopTheOthers() {
        List<String> failures = new ArrayList<>();
        ReaderEventHub hub = new ReaderEventHub((event, failure) -> failures.add(failure.getMessage()));
        List<ReaderEvent> before = new ArrayList<>();
        List<ReaderEvent> after = new ArrayList<>();
        hub.subscribe(before::add);
        hub.subscribe(event -> { throw new IllegalStateException("status bar broken"); });
        hub.subscribe(after::add);

        ReaderEvent tap = counter.cardTapped("DEADBEEF");
        hub.publish(tap);

        assertThat(before).containsExactly(tap);
        assertThat(after).containsExactly(tap);
        assertThat(failures).containsExactly("status bar broken");
    }

    @Test
    void aFailingFailureHandlerStillDoesNotStarveLaterSubscribers() {
        ReaderEventHub hub = new ReaderEventHub((event, failure) -> { throw new IllegalStateException("logger down"); });
        List<ReaderEvent> after = new ArrayList<>();
        hub.subscribe(event -> { throw new IllegalStateException("boom"); });
        hub.subscribe(after::add);

        hub.publish(counter.noReader());

        assertThat(after).hasSize(1);
    }

    @Test
    void closingASubscriptionStopsDeliveryAndClosingTwiceIsHarmless() {
        ReaderEventHub hub = new ReaderEventHub();
        List<ReaderEvent> seen = new ArrayList<>();
        ReaderEventListener listener = seen::add;
        Subscription once = hub.subscribe(listener);
        Subscription twice = hub.subscribe(listener);

        hub.publish(counter.connected());
        once.close();
        once.close();
        hub.publish(counter.disconnected());
        twice.close();
        hub.publish(counter.noReader());

        assertThat(seen).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ReaderConnected", "ReaderConnected", "ReaderDisconnected");
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void devicesPublishingFromSeveralThreadsLoseNothingAndKeepEachSourcesOrder() throws Exception {
        ReaderEventHub hub = new ReaderEventHub();
        ConcurrentLinkedQueue<ReaderEvent> seen = new ConcurrentLinkedQueue<>();
        hub.subscribe(seen::add);
        int sources = 4;
        int perSource = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(sources);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int s = 0; s < sources; s++) {
                ReaderEventFactory device = new ReaderEventFactory(Clock.systemUTC(), "reader-" + s);
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perSource; i++) {
                        hub.publish(device.cardTapped(String.format("%08X", i)));
                    }
                    return null;
                });
            }
            // Subscribing and unsubscribing while devices publish must neither throw nor disturb delivery.
            start.countDown();
            for (int i = 0; i < 200; i++) {
                hub.subscribe(event -> { }).close();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(seen).hasSize(sources * perSource);
        for (int s = 0; s < sources; s++) {
            String source = "reader-" + s;
            List<Integer> order = seen.stream().filter(e -> e.source().equals(source))
                    .map(e -> Integer.parseInt(((IdentificationEvent.CardTapped) e).uid(), 16)).toList();
            List<Integer> sorted = new ArrayList<>(order);
            Collections.sort(sorted);
            assertThat(order).hasSize(perSource).isEqualTo(sorted);
        }
    }

    @Test
    void eventsCarryTheInjectedClocksTimeAndTheirSource() {
        ReaderEvent unsupported = counter.unsupportedCard("SW=6A81");
        assertThat(unsupported.at()).isEqualTo(T0);
        assertThat(unsupported.source()).isEqualTo("ACR122U 00");
        assertThat(unsupported).isInstanceOf(StatusEvent.UnsupportedCard.class);
        assertThat(counter.manual("E-1001", "cashier-7", "sup-2")).isInstanceOf(IdentificationEvent.class);
    }

    @Test
    void badEventsAreRefusedWithWhatIsMissing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdentificationEvent.CardTapped(T0, " ", "DEADBEEF"))
                .hasMessageContaining("source");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> counter.cardTapped(""))
                .hasMessageContaining("card UID");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> counter.manual("E-1", "c-1", null))
                .hasMessageContaining("supervisor");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StatusEvent.ReaderError(null, "pcsc", "x"))
                .hasMessageContaining("time");
    }

    @Test
    void qrPayloadsAreNotPrintedWhole() {
        String token = "YS1.secret-token-body-that-should-not-be-in-logs";
        assertThat(counter.qrScanned(token).toString()).doesNotContain("secret").contains(token.length() + " chars");
    }
}
