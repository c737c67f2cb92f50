package org.yishi.cardreader.wedge;

import java.time.Duration;
import java.util.Objects;

import org.yishi.cardreader.uid.UidFormat;

/**
 * When a keystroke burst counts as a scan, and what the scan is.
 *
 * @param maxGap         longest pause between two keys of one scan. Scanners type every 1–15 ms; trained typists
 *                       rarely go below 60 ms between keys. At most 100 ms, so typing is never a scan.
 * @param minLength      fewest characters a scan has (shorter fast bursts are a typist's lucky run, passed through)
 * @param maxLength      most characters kept for one burst; a longer burst is garbage and is discarded, bounding
 *                       memory however long a misbehaving device keeps typing
 * @param maxTotal       longest a whole scan may take, first key to terminator
 * @param terminator     the key the scanner ends with
 * @param unterminated   what a fast burst that just stops (no terminator, quiet for {@code maxGap}) becomes
 * @param interpretation whether a scan is a card UID, a QR payload, or decided by its shape
 * @param uidFormat      how this reader types card UIDs (hex, reversed, decimal)
 */
public record WedgeConfig(Duration maxGap, int minLength, int maxLength, Duration maxTotal, Terminator terminator,
                          Unterminated unterminated, Interpretation interpretation, UidFormat uidFormat) {

    /** The key a scanner is set up to send after the data. */
    public enum Terminator { ENTER, TAB }

    /** What to make of a fast burst without a terminator. */
    public enum Unterminated {
        /** A scanner configured without suffix: the burst is a scan. */
        SCAN,
        /** Not a scan; the keys go to the focused field. */
        PASS_THROUGH,
        /** Not a scan and not typing either: dropped, reported as a reader error. */
        DISCARD
    }

    /** How a recognised scan is read. */
    public enum Interpretation {
        /** A card UID when it parses as one with {@code uidFormat}, otherwise a QR payload. */
        AUTO,
        /** Always a card UID; anything else is refused as a garbled read. */
        CARD_UID,
        /** Always a QR payload, exactly as typed. */
        QR
    }

    /** Longest {@code maxGap} accepted: fast typists reach ~100 ms between keys in short runs. */
    public static final Duration MAX_GAP_LIMIT = Duration.ofMillis(100);
    /** Largest burst buffer allowed; QR elder tokens are a few hundred characters. */
    public static final int MAX_LENGTH_LIMIT = 8192;

    /** 50 ms gaps, 6 to 1024 characters within 3 s, Enter-terminated, shape decides UID or QR (PC/SC hex). */
    public static final WedgeConfig DEFAULT = new WedgeConfig(Duration.ofMillis(50), 6, 1024, Duration.ofSeconds(3),
            Terminator.ENTER, Unterminated.SCAN, Interpretation.AUTO, UidFormat.PCSC);

    public WedgeConfig {
        Objects.requireNonNull(maxGap, "wedge maxGap");
        Objects.requireNonNull(maxTotal, "wedge maxTotal");
        Objects.requireNonNull(terminator, "wedge terminator");
        Objects.requireNonNull(unterminated, "wedge unterminated");
        Objects.requireNonNull(interpretation, "wedge interpretation");
        Objects.requireNonNull(uidFormat, "wedge uidFormat");
        if (maxGap.isNegative() || maxGap.isZero() || maxGap.compareTo(MAX_GAP_LIMIT) > 0) {
            throw new IllegalArgumentException("wedge maxGap must be more than 0 and at most " + MAX_GAP_LIMIT.toMillis()
                    + " ms (longer gaps mistake a fast typist for a scanner), not " + maxGap.toMillis() + " ms");
        }
        if (minLength < 2) {
            throw new IllegalArgumentException("wedge minLength must be at least 2 (one fast key is not a scan), not " + minLength);
        }
        if (maxLength < minLength || maxLength > MAX_LENGTH_LIMIT) {
            throw new IllegalArgumentException("wedge maxLength must be between minLength (" + minLength + ") and "
                    + MAX_LENGTH_LIMIT + ", not " + maxLength);
        }
        if (maxTotal.compareTo(maxGap) < 0) {
            throw new IllegalArgumentException("wedge maxTotal (" + maxTotal.toMillis() + " ms) must not be shorter than maxGap ("
                    + maxGap.toMillis() + " ms)");
        }
    }

    public WedgeConfig withUnterminated(Unterminated policy) {
        return new WedgeConfig(maxGap, minLength, maxLength, maxTotal, terminator, policy, interpretation, uidFormat);
    }

    public WedgeConfig withInterpretation(Interpretation how, UidFormat format) {
        return new WedgeConfig(maxGap, minLength, maxLength, maxTotal, terminator, unterminated, how, format);
    }

    public WedgeConfig withTerminator(Terminator key) {
        return new WedgeConfig(maxGap, minLength, maxLength, maxTotal, key, unterminated, interpretation, uidFormat);
    }

    public WedgeConfig withLengths(int min, int max) {
        return new WedgeConfig(maxGap, min, max, maxTotal, terminator, unterminated, interpretation, uidFormat);
    }
}
