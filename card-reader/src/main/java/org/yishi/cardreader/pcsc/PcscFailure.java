package org.yishi.cardreader.pcsc;

import java.util.Set;
import javax.smartcardio.CardNotPresentException;

/**
 * What a {@code javax.smartcardio} exception means for the watcher, read from the platform's error code.
 *
 * <p>The JDK wraps pcsc-lite and WinSCard errors in a private exception whose message is the error's name
 * ({@code SCARD_E_NO_SERVICE}); that name is the only stable signal, so it is what this reads.
 *
 * @param kind what to do about it
 * @param code the platform's error name, or the exception's message when there is none
 */
record PcscFailure(Kind kind, String code) {

    /** How the watcher reacts. */
    enum Kind {
        /** The PC/SC service stopped or restarted: the context is dead, make a new one. */
        SERVICE_GONE,
        /** The card left the field during the read: ask for another tap. */
        CARD_GONE,
        /** The reader was unplugged. */
        READER_GONE,
        /** A card is there but does not talk to this reader: unsupported. */
        CARD_UNSUPPORTED,
        /** Anything else: report and carry on. */
        OTHER
    }

    private static final Set<String> SERVICE_GONE = Set.of("SCARD_E_NO_SERVICE", "SCARD_E_SERVICE_STOPPED",
            "SCARD_E_INVALID_HANDLE", "SCARD_E_NO_READERS_AVAILABLE_SERVICE");
    private static final Set<String> CARD_GONE = Set.of("SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD",
            "SCARD_W_RESET_CARD", "SCARD_W_UNPOWERED_CARD");
    private static final Set<String> READER_GONE = Set.of("SCARD_E_UNKNOWN_READER", "SCARD_E_READER_UNAVAILABLE");
    private static final Set<String> UNSUPPORTED = Set.of("SCARD_W_UNRESPONSIVE_CARD", "SCARD_W_UNSUPPORTED_CARD",
            "SCARD_E_PROTO_MISMATCH");

    static PcscFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CardNotPresentException) {
                return new PcscFailure(Kind.CARD_GONE, "card not present");
            }
            String message = t.getMessage();
            if (t instanceof IllegalArgumentException && message != null && message.contains("at least 2 bytes")) {
                // The JDK's reaction to an empty response: the reader got no answer, the card left the field.
                return new PcscFailure(Kind.CARD_GONE, "no response from the card");
            }
            if (message != null && message.startsWith("SCARD_")) {
                return new PcscFailure(kindOf(message), message);
            }
        }
        String message = failure.getMessage();
        return new PcscFailure(Kind.OTHER, message == null ? failure.getClass().getSimpleName() : message);
    }

    private static Kind kindOf(String code) {
        if (SERVICE_GONE.contains(code)) {
            return Kind.SERVICE_GONE;
        }
        if (CARD_GONE.contains(code)) {
            return Kind.CARD_GONE;
        }
        if (READER_GONE.contains(code)) {
            return Kind.READER_GONE;
        }
        return UNSUPPORTED.contains(code) ? Kind.CARD_UNSUPPORTED : Kind.OTHER;
    }
}
