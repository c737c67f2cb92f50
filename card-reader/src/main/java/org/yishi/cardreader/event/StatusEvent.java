package org.yishi.cardreader.event;

import java.time.Instant;
import java.util.List;

/**
 * How a reader or scanner is doing, for the till's status bar. A device problem is always one of these,
 * never an exception thrown at the till and never a silent stop.
 */
public sealed interface StatusEvent extends ReaderEvent {

    /** A reader appeared (at start, or plugged in while running). */
    record ReaderConnected(Instant at, String source) implements StatusEvent {
        public ReaderConnected {
            ReaderEvent.requireStamp(at, source);
        }
    }

    /** A reader went away (pulled out, or its service stopped). */
    record ReaderDisconnected(Instant at, String source) implements StatusEvent {
        public ReaderDisconnected {
            ReaderEvent.requireStamp(at, source);
        }
    }

    /**
     * The set of readers a watcher can see changed; lets the status bar show "2 readers" without tracking
     * connect/disconnect pairs itself.
     *
     * @param readers the reader names now present, in the order the platform lists them
     */
    record ReaderListChanged(Instant at, String source, List<String> readers) implements StatusEvent {
        public ReaderListChanged {
            ReaderEvent.requireStamp(at, source);
            readers = List.copyOf(readers);
        }
    }

    /**
     * The platform's smart-card service is not answering (pcscd stopped or restarting, Windows' SCardSvr shut
     * down). Readers may be fine; the watcher keeps retrying and reports {@link ReaderListChanged} when it is
     * back.
     *
     * @param detail what the platform said, e.g. "SCARD_E_NO_SERVICE"
     */
    record ServiceUnavailable(Instant at, String source, String detail) implements StatusEvent {
        public ServiceUnavailable {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(detail, "service-unavailable detail");
        }
    }

    /** No reader at all is available; the source is the watcher (e.g. "pcsc"). */
    record NoReader(Instant at, String source) implements StatusEvent {
        public NoReader {
            ReaderEvent.requireStamp(at, source);
        }
    }

    /**
     * The card left the reader. Paired with a tap so the till can tell "still lying there" from "tapped again".
     *
     * @param uid the canonical UID of the card removed, or empty when it was never read
     */
    record CardRemoved(Instant at, String source, String uid) implements StatusEvent {
        public CardRemoved {
            ReaderEvent.requireStamp(at, source);
            uid = uid == null ? "" : uid;
        }
    }

    /**
     * A card was presented that the till cannot read, e.g. PC/SC status word {@code 6A 81} (function not
     * supported) to GET DATA.
     *
     * @param detail what the device said, e.g. "SW=6A81"
     */
    record UnsupportedCard(Instant at, String source, String detail) implements StatusEvent {
        public UnsupportedCard {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(detail, "unsupported-card detail");
        }
    }

    /**
     * Something went wrong that the device or watcher survived (card pulled mid-read, garbled scan, service
     * restarting). The message is for staff and installers.
     */
    record ReaderError(Instant at, String source, String message) implements StatusEvent {
        public ReaderError {
            ReaderEvent.requireStamp(at, source);
            ReaderEvent.requireText(message, "error message");
        }
    }
}
