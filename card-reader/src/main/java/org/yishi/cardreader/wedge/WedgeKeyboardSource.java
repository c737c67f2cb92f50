package org.yishi.cardreader.wedge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yishi.cardreader.event.ReaderEventSink;

/**
 * A keyboard-wedge device as an event source: what the till's key handler talks to. Scans and unreadable
 * bursts go to the event sink like any other reader's events; what comes back is only the keys the till must
 * replay into the focused field, so the key handler stays a few lines of JavaFX glue.
 *
 * <p>Confined to the key-event thread, like the recogniser it wraps. Publishing happens on that thread; a hub
 * subscriber that hops threads keeps the key handler fast.
 */
public final class WedgeKeyboardSource {

    private final WedgeRecogniser recogniser;
    private final ReaderEventSink sink;

    public WedgeKeyboardSource(WedgeRecogniser recogniser, ReaderEventSink sink) {
        this.recogniser = Objects.requireNonNull(recogniser, "recogniser");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Feeds one key; returns the keys now known to be typing, in order (often none yet). */
    public List<Keystroke> onKey(Keystroke key) {
        return route(recogniser.accept(key));
    }

    /** Called from the till's timer while {@link #holding()}; returns keys released by a quiet burst. */
    public List<Keystroke> onTick(long nowNanos) {
        return route(recogniser.tick(nowNanos));
    }

    public boolean holding() {
        return recogniser.holding();
    }

    private List<Keystroke> route(List<WedgeOutcome> outcomes) {
        List<Keystroke> replay = new ArrayList<>();
        for (WedgeOutcome outcome : outcomes) {
            if (outcome instanceof WedgeOutcome.PassThrough pass) {
                replay.addAll(pass.keys());
            } else if (outcome instanceof WedgeOutcome.Scan scan) {
                sink.publish(scan.event());
            } else if (outcome instanceof WedgeOutcome.Rejected rejected) {
                sink.publish(rejected.event());
            }
        }
        return replay;
    }
}
