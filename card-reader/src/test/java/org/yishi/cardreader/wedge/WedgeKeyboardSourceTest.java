package org.yishi.cardreader.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.event.ReaderEventHub;
import org.yishi.cardreader.event.StatusEvent;

class WedgeKeyboardSourceTest {

    @Test
    void scansGoToTheHubAndTypingComesBackForTheFieldInOrder() {
        ReaderEventHub hub = new ReaderEventHub();
        List<ReaderEvent> heard = new ArrayList<>();
        hub.subscribe(heard::add);
        WedgeKeyboardSource source = new WedgeKeyboardSource(
                new WedgeRecogniser(WedgeConfig.DEFAULT, new ReaderEventFactory(Clock.systemUTC(), "wedge:1")), hub);

        List<Keystroke> replay = new ArrayList<>();
        KeyTape tape = KeyTape.load("scan-between-typing.tape");
        long tick = tape.keys().get(0).atNanos();
        for (Keystroke key : tape.keys()) {
            for (; tick < key.atNanos(); tick += 10_000_000L) {
                if (source.holding()) {
                    replay.addAll(source.onTick(tick));
                }
            }
            replay.addAll(source.onKey(key));
        }
        replay.addAll(source.onTick(tape.endNanos() + 1_000_000_000L));

        StringBuilder typed = new StringBuilder();
        replay.forEach(k -> typed.append(k.character()));
        assertThat(typed.toString()).isEqualTo("123\n");
        assertThat(heard).singleElement().isInstanceOfSatisfying(IdentificationEvent.CardTapped.class,
                tap -> assertThat(tap.uid()).isEqualTo("04A1B2C3D4E5F6"));
        assertThat(source.holding()).isFalse();
    }

    @Test
    void anUnreadableBurstBecomesAReaderErrorOnTheHubAndNothingForTheField() {
        ReaderEventHub hub = new ReaderEventHub();
        List<ReaderEvent> heard = new ArrayList<>();
        hub.subscribe(heard::add);
        WedgeKeyboardSource source = new WedgeKeyboardSource(new WedgeRecogniser(
                WedgeConfig.DEFAULT.withUnterminated(WedgeConfig.Unterminated.DISCARD),
                new ReaderEventFactory(Clock.systemUTC(), "wedge:1")), hub);

        List<Keystroke> replay = new ArrayList<>();
        for (Keystroke key : KeyTape.load("uid-14hex-no-terminator.tape").keys()) {
            replay.addAll(source.onKey(key));
        }
        replay.addAll(source.onTick(KeyTape.ORIGIN_NANOS + 2_000_000_000L));

        assertThat(replay).isEmpty();
        assertThat(heard).singleElement().isInstanceOf(StatusEvent.ReaderError.class);
    }
}
