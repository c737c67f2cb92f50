package org.yishi.cardreader.pcsc;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the PC/SC watcher behaves at one till.
 *
 * @param pollInterval   longest wait for a card change before the reader list is looked at again; a new reader
 *                       is noticed within this time (pcsc-lite does not wake a waiting call for new readers)
 * @param debounce       a removal and re-tap of the same card on the same reader within this time is the card
 *                       wobbling at the edge of the field, not a second tap
 * @param readTimeout    a reader that does not answer a read within this time is reported, not waited for
 * @param serviceRetry   how often to try again while the PC/SC service is down
 * @param uidReversed    the reader reports UID bytes least significant first
 * @param readerFilter   only readers whose name contains this text (empty: every reader); lets a till ignore the
 *                       SAM slot or a contact reader it does not use
 * @param elderFile      also read the canteen application's elder-number file, for cards that carry one
 */
public record PcscSettings(Duration pollInterval, Duration debounce, Duration readTimeout, Duration serviceRetry,
        boolean uidReversed, String readerFilter, Optional<ElderFileSpec> elderFile) {

    public PcscSettings {
        requirePositive(pollInterval, "pollInterval");
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative, found " + debounce);
        }
        requirePositive(readTimeout, "readTimeout");
        requirePositive(serviceRetry, "serviceRetry");
        readerFilter = readerFilter == null ? "" : readerFilter;
        Objects.requireNonNull(elderFile, "elderFile");
    }

    /** What suits a counter: new readers seen within half a second, a re-tap within 0.8 s ignored. */
    public static PcscSettings defaults() {
        return new PcscSettings(Duration.ofMillis(500), Duration.ofMillis(800), Duration.ofSeconds(2),
                Duration.ofSeconds(1), false, "", Optional.empty());
    }

    public PcscSettings withDebounce(Duration value) {
        return new PcscSettings(pollInterval, value, readTimeout, serviceRetry, uidReversed, readerFilter, elderFile);
    }

    public PcscSettings withPollInterval(Duration value) {
        return new PcscSettings(value, debounce, readTimeout, serviceRetry, uidReversed, readerFilter, elderFile);
    }

    public PcscSettings withReadTimeout(Duration value) {
        return new PcscSettings(pollInterval, debounce, value, serviceRetry, uidReversed, readerFilter, elderFile);
    }

    public PcscSettings withServiceRetry(Duration value) {
        return new PcscSettings(pollInterval, debounce, readTimeout, value, uidReversed, readerFilter, elderFile);
    }

    public PcscSettings withUidReversed(boolean value) {
        return new PcscSettings(pollInterval, debounce, readTimeout, serviceRetry, value, readerFilter, elderFile);
    }

    public PcscSettings withReaderFilter(String value) {
        return new PcscSettings(pollInterval, debounce, readTimeout, serviceRetry, uidReversed, value, elderFile);
    }

    public PcscSettings withElderFile(ElderFileSpec value) {
        return new PcscSettings(pollInterval, debounce, readTimeout, serviceRetry, uidReversed, readerFilter,
                Optional.of(value));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, found " + d);
        }
    }
}
