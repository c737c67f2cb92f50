package org.yishi.cardreader.event;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Stamps events for one source with the time from an injected clock, so devices do not each call
 * {@code Instant.now()} and tests get exact times.
 */
public final class ReaderEventFactory {

    private final Clock clock;
    private final String source;

    public ReaderEventFactory(Clock clock, String source) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a reader event source needs a name");
        }
        this.source = source;
    }

    public String source() {
        return source;
    }

    public IdentificationEvent.CardTapped cardTapped(String canonicalUid) {
        return new IdentificationEvent.CardTapped(clock.instant(), source, canonicalUid);
    }

    public IdentificationEvent.QrScanned qrScanned(String payload) {
        return new IdentificationEvent.QrScanned(clock.instant(), source, payload);
    }

    public IdentificationEvent.ManualIdentification manual(String elderId, String cashierId, String approverId) {
        return new IdentificationEvent.ManualIdentification(clock.instant(), source, elderId, cashierId, approverId);
    }

    public StatusEvent.ReaderConnected connected() {
        return new StatusEvent.ReaderConnected(clock.instant(), source);
    }

    public StatusEvent.ReaderDisconnected disconnected() {
        return new StatusEvent.ReaderDisconnected(clock.instant(), source);
    }

    public StatusEvent.ReaderListChanged readerListChanged(List<String> readers) {
        return new StatusEvent.ReaderListChanged(clock.instant(), source, readers);
    }

    public IdentificationEvent.CardTapped cardTapped(String canonicalUid, String cardElderNo) {
        return new IdentificationEvent.CardTapped(clock.instant(), source, canonicalUid, cardElderNo);
    }

    public StatusEvent.ServiceUnavailable serviceUnavailable(String detail) {
        return new StatusEvent.ServiceUnavailable(clock.instant(), source, detail);
    }

    public StatusEvent.NoReader noReader() {
        return new StatusEvent.NoReader(clock.instant(), source);
    }

    public StatusEvent.CardRemoved cardRemoved(String canonicalUid) {
        return new StatusEvent.CardRemoved(clock.instant(), source, canonicalUid);
    }

    public StatusEvent.UnsupportedCard unsupportedCard(String detail) {
        return new StatusEvent.UnsupportedCard(clock.instant(), source, detail);
    }

    public StatusEvent.ReaderError error(String message) {
        return new StatusEvent.ReaderError(clock.instant(), source, message);
    }
}
