package org.yishi.cardreader.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yishi.cardreader.event.IdentificationEvent.CardTapped;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.StatusEvent;
import org.yishi.cardreader.pcsc.FakePcsc.FakeReader;
import org.yishi.core.time.ManualClock;

/** The watcher's behaviour at the counter, against fake readers (the pcscd test covers the real stack). */
class PcscWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final PcscSettings FAST = PcscSettings.defaults()
            .withPollInterval(Duration.ofMillis(20))
            .withServiceRetry(Duration.ofMillis(20))
            .withReadTimeout(Duration.ofMillis(300))
            .withDebounce(Duration.ofMillis(800));

    private final FakePcsc pcsc = new FakePcsc();
    private final RecordedEvents events = new RecordedEvents();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private PcscWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private PcscWatcher start(PcscSettings settings, Clock eventClock) {
        watcher = new PcscWatcher(pcsc, settings, events, eventClock).start();
        return watcher;
    }

    private PcscWatcher start() {
        return start(FAST, clock);
    }

    /** Lets the watcher go round a few more times, so that "nothing happened" is a real observation. */
    private void settle() {
        long turns = watcher.turns();
        await().atMost(WAIT).until(() -> watcher.turns() >= turns + 4);
    }

    @Test
    void noReaderAtStartIsAStateAndAReaderPluggedInLaterIsFound() {
        start();
        events.await(StatusEvent.NoReader.class, WAIT);
        assertThat(events.of(StatusEvent.ReaderListChanged.class).get(0).readers()).isEmpty();

        pcsc.plugIn("ACS ACR122U 00 00");

        events.await(StatusEvent.ReaderConnected.class, e -> e.source().equals("ACS ACR122U 00 00"), WAIT);
        events.await(StatusEvent.ReaderListChanged.class, e -> e.readers().equals(List.of("ACS ACR122U 00 00")), WAIT);
        settle();
        assertThat(events.of(StatusEvent.NoReader.class)).as("no reader is reported once, not every turn").hasSize(1);
    }

    @Test
    void aCardLeftLyingOnTheReaderTapsOnceAndARemovalThenTapAfterTheDebounceTapsAgain() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.uidCard("04a1b2c3d4e5f6"));

        CardTapped tap = events.await(CardTapped.class, WAIT);
        assertThat(tap.uid()).isEqualTo("04A1B2C3D4E5F6");
        assertThat(tap.source()).isEqualTo("Reader A");
        assertThat(tap.cardElderNo()).isNull();
        settle();
        assertThat(events.of(CardTapped.class)).as("one tap, however long the card lies there").hasSize(1);
        assertThat(reader.connects()).isEqualTo(1);

        reader.remove();
        StatusEvent.CardRemoved removed = events.await(StatusEvent.CardRemoved.class, WAIT);
        assertThat(removed.uid()).isEqualTo("04A1B2C3D4E5F6");

        clock.advance(Duration.ofSeconds(2));
        reader.put(FakePcsc.uidCard("04a1b2c3d4e5f6"));
        events.awaitNth(2, CardTapped.class, e -> true, WAIT);
    }

    @Test
    void theSameCardBackWithinTheDebounceIsTheSameTapButAnotherCardIsNot() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.uidCard("11223344"));
        events.await(CardTapped.class, WAIT);
        reader.remove();
        events.await(StatusEvent.CardRemoved.class, WAIT);

        clock.advance(Duration.ofMillis(300));
        reader.put(FakePcsc.uidCard("11223344"));
        settle();
        assertThat(events.of(CardTapped.class)).as("a wobble at the edge of the field").hasSize(1);

        reader.remove();
        events.awaitNth(2, StatusEvent.CardRemoved.class, e -> true, WAIT);
        reader.put(FakePcsc.uidCard("55667788"));
        assertThat(events.await(CardTapped.class, e -> e.uid().equals("55667788"), WAIT).source()).isEqualTo("Reader A");
    }

    @Test
    void aCardAnswering6A81IsUnsupportedNotATap() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.unsupportedCard());

        StatusEvent.UnsupportedCard unsupported = events.await(StatusEvent.UnsupportedCard.class, WAIT);
        assertThat(unsupported.detail()).isEqualTo("SW=6A81");
        assertThat(unsupported.source()).isEqualTo("Reader A");
        settle();
        assertThat(events.of(CardTapped.class)).isEmpty();
        assertThat(events.of(StatusEvent.UnsupportedCard.class)).as("reported once per presentation").hasSize(1);
    }

    @Test
    void aCardPulledMidReadAsksForAnotherTapAndIsThenRemoved() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.vanishingCard());

        StatusEvent.ReaderError error = events.await(StatusEvent.ReaderError.class, WAIT);
        assertThat(error.message()).contains("SCARD_W_REMOVED_CARD").contains("tap again");
        StatusEvent.CardRemoved removed = events.await(StatusEvent.CardRemoved.class, WAIT);
        assertThat(removed.uid()).as("never read").isEmpty();
        assertThat(events.of(CardTapped.class)).isEmpty();

        reader.put(FakePcsc.uidCard("0A0B0C0D"));
        assertThat(events.await(CardTapped.class, WAIT).uid()).isEqualTo("0A0B0C0D");
    }

    @Test
    void aReaderHangingInItsDriverIsReportedAndDoesNotFreezeTheWatcher() {
        CountDownLatch release = new CountDownLatch(1);
        FakeReader stuck = pcsc.plugIn("Reader A");
        FakeReader other = pcsc.plugIn("Reader B");
        start();
        try {
            stuck.put(FakePcsc.hangingCard(release));

            StatusEvent.ReaderError error = events.await(StatusEvent.ReaderError.class, WAIT);
            assertThat(error.source()).isEqualTo("Reader A");
            assertThat(error.message()).contains("did not answer within 300 ms");

            other.put(FakePcsc.uidCard("CAFEBABE"));
            assertThat(events.await(CardTapped.class, WAIT).source()).isEqualTo("Reader B");
            assertThat(watcher.isAlive()).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void twoReadersAtOneTillEachReportTheirOwnTaps() {
        FakeReader counter = pcsc.plugIn("Counter 00 00");
        FakeReader desk = pcsc.plugIn("Desk 00 01");
        start();
        events.await(StatusEvent.ReaderListChanged.class, e -> e.readers().size() == 2, WAIT);

        counter.put(FakePcsc.uidCard("01020304"));
        desk.put(FakePcsc.uidCard("A1A2A3A4"));

        events.awaitNth(2, CardTapped.class, e -> true, WAIT);
        assertThat(events.of(CardTapped.class)).extracting(CardTapped::source, CardTapped::uid)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Counter 00 00", "01020304"),
                        org.assertj.core.groups.Tuple.tuple("Desk 00 01", "A1A2A3A4"));
    }

    @Test
    void aReaderPulledOutIsDisconnectedAndComesBackWhenPluggedIn() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.uidCard("01020304"));
        events.await(CardTapped.class, WAIT);

        pcsc.pullOut(reader);
        events.await(StatusEvent.ReaderDisconnected.class, e -> e.source().equals("Reader A"), WAIT);
        events.await(StatusEvent.NoReader.class, WAIT);

        FakeReader again = pcsc.plugIn("Reader A");
        again.put(FakePcsc.uidCard("01020304"));
        clock.advance(Duration.ofSeconds(5));
        events.awaitNth(2, StatusEvent.ReaderConnected.class, e -> e.source().equals("Reader A"), WAIT);
        events.awaitNth(2, CardTapped.class, e -> true, WAIT);
    }

    @Test
    void theServiceStoppingIsReportedOnceAndTheWatcherRecoversWithANewContext() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        events.await(StatusEvent.ReaderConnected.class, WAIT);

        pcsc.serviceError("SCARD_E_NO_SERVICE");
        StatusEvent.ServiceUnavailable down = events.await(StatusEvent.ServiceUnavailable.class, WAIT);
        assertThat(down.detail()).isEqualTo("SCARD_E_NO_SERVICE");
        assertThat(down.source()).isEqualTo(PcscWatcher.SOURCE);
        settle();
        assertThat(events.of(StatusEvent.ServiceUnavailable.class)).as("one report per outage").hasSize(1);
        assertThat(pcsc.discards()).isGreaterThanOrEqualTo(1);

        int listsBefore = events.of(StatusEvent.ReaderListChanged.class).size();
        pcsc.serviceError(null);
        events.awaitNth(listsBefore + 1, StatusEvent.ReaderListChanged.class, e -> e.readers().equals(List.of("Reader A")), WAIT);
        reader.put(FakePcsc.uidCard("DEADBEEF"));
        assertThat(events.await(CardTapped.class, WAIT).uid()).isEqualTo("DEADBEEF");
    }

    @Test
    void aServiceThatDiesMidReadLeavesTheCardToBeReadWhenItIsBack() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.serviceDiesDuringRead(pcsc));
        events.await(StatusEvent.ServiceUnavailable.class, WAIT);

        reader.put(FakePcsc.uidCard("0badcafe"));
        pcsc.serviceError(null);
        assertThat(events.await(CardTapped.class, WAIT).uid()).isEqualTo("0BADCAFE");
    }

    @Test
    void aCardLyingThroughAnOutageIsNotTappedAgainButACardSwappedDuringItIs() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start();
        reader.put(FakePcsc.uidCard("01020304"));
        events.await(CardTapped.class, WAIT);

        pcsc.serviceError("SCARD_E_SERVICE_STOPPED");
        events.await(StatusEvent.ServiceUnavailable.class, WAIT);
        pcsc.serviceError(null);
        events.awaitNth(2, StatusEvent.ReaderListChanged.class, e -> !e.readers().isEmpty(), WAIT);
        settle();
        assertThat(events.of(CardTapped.class)).as("the same card never left").hasSize(1);

        pcsc.serviceError("SCARD_E_SERVICE_STOPPED");
        events.awaitNth(2, StatusEvent.ServiceUnavailable.class, e -> true, WAIT);
        reader.put(FakePcsc.uidCard("0A0B0C0D"));
        pcsc.serviceError(null);
        assertThat(events.awaitNth(2, CardTapped.class, e -> true, WAIT).uid()).isEqualTo("0A0B0C0D");
    }

    @Test
    void aContextThatCannotBeRenewedTellsStaffToRestartTheTill() {
        pcsc.plugIn("Reader A");
        pcsc.renewable(false);
        start();
        events.await(StatusEvent.ReaderConnected.class, WAIT);
        pcsc.serviceError("SCARD_E_NO_SERVICE");

        assertThat(events.await(StatusEvent.ServiceUnavailable.class, WAIT).detail())
                .startsWith("SCARD_E_NO_SERVICE").contains("restart the till");
    }

    @Test
    void noServiceAtStartIsReportedAndTheWatcherConnectsWhenItStarts() {
        pcsc.serviceError("SCARD_E_NO_SERVICE");
        pcsc.plugIn("Reader A");
        start();
        assertThat(events.await(StatusEvent.ServiceUnavailable.class, WAIT).detail()).isEqualTo("SCARD_E_NO_SERVICE");

        pcsc.serviceError(null);
        events.await(StatusEvent.ReaderConnected.class, WAIT);
    }

    @Test
    void readersReportingReversedBytesAreNormalisedAndTheElderFileIsRead() {
        FakeReader reader = pcsc.plugIn("Reader A");
        start(FAST.withUidReversed(true).withElderFile(ElderFileSpec.ofHex(ElderFileSpec.YISHI_AID, 16)), clock);
        reader.put(FakePcsc.uidCard("44332211", "E000123"));

        CardTapped tap = events.await(CardTapped.class, WAIT);
        assertThat(tap.uid()).isEqualTo("11223344");
        assertThat(tap.cardElderNo()).isEqualTo("E000123");

        reader.remove();
        events.await(StatusEvent.CardRemoved.class, WAIT);
        clock.advance(Duration.ofSeconds(2));
        reader.put(FakePcsc.uidCard("88776655"));
        CardTapped plain = events.awaitNth(2, CardTapped.class, e -> true, WAIT);
        assertThat(plain.uid()).isEqualTo("55667788");
        assertThat(plain.cardElderNo()).as("a plain card has no canteen application").isNull();
    }

    @Test
    void aReaderFilterIgnoresOtherReaders() {
        FakeReader sam = pcsc.plugIn("Gemalto SAM slot 00 00");
        FakeReader counter = pcsc.plugIn("ACS ACR1252 PICC 00 01");
        start(FAST.withReaderFilter("PICC"), clock);
        sam.put(FakePcsc.uidCard("01010101"));
        counter.put(FakePcsc.uidCard("02020202"));

        assertThat(events.await(CardTapped.class, WAIT).uid()).isEqualTo("02020202");
        settle();
        assertThat(events.of(CardTapped.class)).hasSize(1);
        assertThat(events.of(StatusEvent.ReaderConnected.class)).extracting(ReaderEvent::source)
                .containsExactly("ACS ACR1252 PICC 00 01");
    }

    @Test
    void aFailingSinkDoesNotStopTheWatcher() {
        FakeReader reader = pcsc.plugIn("Reader A");
        int[] calls = {0};
        watcher = new PcscWatcher(pcsc, FAST, event -> {
            calls[0]++;
            if (event instanceof StatusEvent.ReaderConnected) {
                throw new IllegalStateException("status bar broken");
            }
            events.publish(event);
        }, clock).start();
        reader.put(FakePcsc.uidCard("01020304"));

        events.await(CardTapped.class, WAIT);
        assertThat(watcher.isAlive()).isTrue();
    }

    @Test
    void closeEndsTheWatcherPromptly() {
        pcsc.plugIn("Reader A");
        start();
        events.await(StatusEvent.ReaderConnected.class, WAIT);
        long started = System.nanoTime();
        watcher.close();
        assertThat(watcher.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void startingTwiceIsRefused() {
        start();
        org.assertj.core.api.Assertions.assertThatThrownBy(watcher::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already been started");
    }
}
