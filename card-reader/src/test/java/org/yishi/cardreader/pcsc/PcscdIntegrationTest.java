package org.yishi.cardreader.pcsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.event.IdentificationEvent.CardTapped;
import org.yishi.cardreader.event.StatusEvent;

/**
 * The watcher through the real OS stack: {@code javax.smartcardio} → libpcsclite → pcscd → vpcd driver → the
 * project's virtual card script. One pcscd and one watcher for the whole class, as at a till; the steps run in
 * order and each leaves the readers empty.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscdIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final PcscSettings SETTINGS = PcscSettings.defaults()
            .withPollInterval(Duration.ofMillis(200))
            .withDebounce(Duration.ofMillis(300))
            .withServiceRetry(Duration.ofMillis(200))
            .withElderFile(ElderFileSpec.ofHex(ElderFileSpec.YISHI_AID, 16));

    @TempDir
    static Path work;
    private static Pcscd pcscd;
    private static final RecordedEvents events = new RecordedEvents();
    private static PcscWatcher watcher;

    @BeforeAll
    static void startDaemonAndWatcher() throws Exception {
        pcscd = Pcscd.start(work);
        watcher = new PcscWatcher(new SystemPcsc(), SETTINGS, events, Clock.systemUTC()).start();
        events.await(StatusEvent.ReaderListChanged.class, e -> e.readers().equals(pcscd.readers()), WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    /** Waits a couple of watcher turns more, so that "no further event" has been given the chance to be wrong. */
    private static void settle() {
        long turns = watcher.turns();
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> watcher.turns() >= turns + 3);
    }

    @Test
    @Order(1)
    void aCardInsertedGivesExactlyOneTapItsRemovalARemovalAndReinsertionANewTap() throws Exception {
        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_0, "04A1B2C3D4E5F6")) {
            CardTapped tap = events.await(CardTapped.class, WAIT);
            assertThat(tap.uid()).isEqualTo("04A1B2C3D4E5F6");
            assertThat(tap.source()).isEqualTo(Pcscd.READER_0);
            settle();
            assertThat(events.of(CardTapped.class)).as("the card lying there taps once").hasSize(1);
        }
        assertThat(events.await(StatusEvent.CardRemoved.class, WAIT).uid()).isEqualTo("04A1B2C3D4E5F6");

        Thread.sleep(SETTINGS.debounce().toMillis());
        try (VirtualCard again = VirtualCard.insert(Pcscd.PORT_0, "04A1B2C3D4E5F6")) {
            assertThat(events.awaitNth(2, CardTapped.class, e -> true, WAIT).uid()).isEqualTo("04A1B2C3D4E5F6");
        }
        events.awaitNth(2, StatusEvent.CardRemoved.class, e -> true, WAIT);
    }

    @Test
    @Order(2)
    void aCardAnswering6A81IsAnUnsupportedCard() throws Exception {
        int tapsBefore = events.of(CardTapped.class).size();
        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_1, "DEADBEEF", "--unsupported")) {
            StatusEvent.UnsupportedCard unsupported = events.await(StatusEvent.UnsupportedCard.class, WAIT);
            assertThat(unsupported.detail()).isEqualTo("SW=6A81");
            assertThat(unsupported.source()).isEqualTo(Pcscd.READER_1);
            settle();
        }
        assertThat(events.of(CardTapped.class)).hasSize(tapsBefore);
        events.await(StatusEvent.CardRemoved.class, e -> e.source().equals(Pcscd.READER_1), WAIT);
    }

    @Test
    @Order(3)
    void twoReadersAtOneTillAndTheElderNumberFileAreReadThroughTheRealStack() throws Exception {
        try (VirtualCard counter = VirtualCard.insert(Pcscd.PORT_0, "11223344", "--elder-no", "E0001234");
             VirtualCard desk = VirtualCard.insert(Pcscd.PORT_1, "55667788")) {
            CardTapped onCounter = events.await(CardTapped.class, e -> e.uid().equals("11223344"), WAIT);
            CardTapped onDesk = events.await(CardTapped.class, e -> e.uid().equals("55667788"), WAIT);
            assertThat(onCounter.source()).isEqualTo(Pcscd.READER_0);
            assertThat(onCounter.cardElderNo()).isEqualTo("E0001234");
            assertThat(onDesk.source()).isEqualTo(Pcscd.READER_1);
            assertThat(onDesk.cardElderNo()).isNull();
        }
    }

    @Test
    @Order(4)
    void aCardPulledMidReadIsAReaderErrorNotATap() throws Exception {
        settle();
        int tapsBefore = events.of(CardTapped.class).size();
        int errorsBefore = events.of(StatusEvent.ReaderError.class).size();
        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_0, "0A0B0C0D", "--vanish-on-get-data")) {
            StatusEvent.ReaderError error = events.awaitNth(errorsBefore + 1, StatusEvent.ReaderError.class, e -> true, WAIT);
            assertThat(error.source()).isEqualTo(Pcscd.READER_0);
            assertThat(error.message()).contains("tap again");
            settle();
        }
        assertThat(events.of(CardTapped.class)).hasSize(tapsBefore);
    }

    @Test
    @Order(5)
    void afterPcscdIsKilledAndRestartedTheWatcherRecoversAndReadsTheNextCard() throws Exception {
        settle();
        pcscd.kill();
        StatusEvent.ServiceUnavailable down = events.await(StatusEvent.ServiceUnavailable.class, WAIT);
        assertThat(down.detail()).startsWith("SCARD_E_").doesNotContain("restart the till");
        int listsBefore = events.of(StatusEvent.ReaderListChanged.class).size();

        pcscd.restart();
        events.awaitNth(listsBefore + 1, StatusEvent.ReaderListChanged.class,
                e -> e.readers().equals(List.of(Pcscd.READER_0, Pcscd.READER_1)), WAIT);
        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_0, "CAFEF00D")) {
            CardTapped tap = events.await(CardTapped.class, e -> e.uid().equals("CAFEF00D"), WAIT);
            assertThat(tap.source()).isEqualTo(Pcscd.READER_0);
        }
        assertThat(watcher.isAlive()).isTrue();
    }
}
