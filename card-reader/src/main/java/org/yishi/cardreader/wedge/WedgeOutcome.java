package org.yishi.cardreader.wedge;

import java.util.List;
import java.util.Objects;

import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.StatusEvent;

/** What the recogniser decided about a burst of keys. */
public sealed interface WedgeOutcome {

    /**
     * The burst was a scan. Its keys (and terminator) are consumed; the event goes to the event hub.
     *
     * @param text  exactly what the device typed, without terminator
     * @param event a card tap (UID in canonical form) or a QR scan
     */
    record Scan(String text, IdentificationEvent event) implements WedgeOutcome {
        public Scan {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(event, "event");
        }
    }

    /** Human typing: the till replays these keys, in this order, into the focused field. */
    record PassThrough(List<Keystroke> keys) implements WedgeOutcome {
        public PassThrough {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a pass-through carries at least one key");
            }
        }

        /** The characters as typed (Enter as '\n', Tab as '\t'). */
        public String text() {
            StringBuilder sb = new StringBuilder(keys.size());
            keys.forEach(k -> sb.append(k.character()));
            return sb.toString();
        }
    }

    /**
     * A machine-speed burst that is no usable scan (too long, too slow overall, not a UID where one was
     * required, no terminator where one was required). Dropped, so garbage never lands in a field, and
     * reported so the status bar can say "scan again".
     *
     * @param length how many characters the burst had, including those dropped beyond the buffer
     * @param event  the reader error to publish
     */
    record Rejected(int length, StatusEvent.ReaderError event) implements WedgeOutcome {
        public Rejected {
            Objects.requireNonNull(event, "event");
        }
    }
}
