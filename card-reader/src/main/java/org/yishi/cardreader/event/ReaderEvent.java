package org.yishi.cardreader.event;

import java.time.Instant;

/**
 * Everything a counter device tells the till: who was identified, or how the device itself is doing.
 *
 * <p>One type for every device (PC/SC reader, keyboard-wedge reader, QR scanner, camera, manual look-up) so the
 * till reacts to an identification without caring which device produced it. Java 17: consumers dispatch with
 * {@code instanceof}; the hierarchy is sealed so a new kind of event is a compile-time change, not a surprise.
 */
public sealed interface ReaderEvent permits IdentificationEvent, StatusEvent {

    /** When it happened, taken from the source's injected {@link java.time.Clock}. */
    Instant at();

    /** The reader or scanner that reported it, e.g. the PC/SC reader name or "wedge:counter-1". */
    String source();

    /** Shared argument checks, so every record rejects the same bad input with the same words. */
    static void requireStamp(Instant at, String source) {
        if (at == null) {
            throw new IllegalArgumentException("a reader event needs a time");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a reader event needs a source (reader name)");
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return value;
    }
}
