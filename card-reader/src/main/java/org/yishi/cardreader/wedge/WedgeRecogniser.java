package org.yishi.cardreader.wedge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEventFactory;

/**
 * Tells a keyboard-wedge reader or scanner ("types" its data fast and presses Enter) from a cashier typing.
 *
 * <p>The till's key handler feeds every key here and consumes it; keys are held while they could still be
 * part of a scan and released as {@link WedgeOutcome.PassThrough} as soon as they cannot: when the next key
 * comes later than {@code maxGap}, or when {@link #tick} finds the burst has gone quiet. The till therefore
 * calls {@code tick} from a timer (every ~10 ms while {@link #holding()}); a typed key reaches its field at most
 * about {@code maxGap} late, which a cashier does not notice.
 *
 * <p>A burst is a scan when it has at least {@code minLength} characters, no gap longer than {@code maxGap},
 * takes at most {@code maxTotal}, and ends with the terminator (or, per configuration, just stops). A burst of
 * one repeated character is keyboard auto-repeat (a key held down repeats every ~33 ms), never a scan.
 *
 * <p>Not thread-safe: confine an instance to the thread delivering key events (the JavaFX thread). Memory is
 * bounded by {@code maxLength} however long a device keeps typing.
 */
public final class WedgeRecogniser {

    private final WedgeConfig config;
    private final ReaderEventFactory events;
    private final long maxGapNanos;
    private final long maxTotalNanos;

    private final List<Keystroke> held = new ArrayList<>();
    private long firstAt;
    private long lastAt;
    private boolean started;
    private long lastSeen;
    private int dropped;

    public WedgeRecogniser(WedgeConfig config, ReaderEventFactory events) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
        this.maxGapNanos = config.maxGap().toNanos();
        this.maxTotalNanos = config.maxTotal().toNanos();
    }

    /**
     * Takes the next key and returns what can now be decided, in input order (often nothing: the key is held).
     *
     * @throws IllegalArgumentException if the key is earlier than the previous one; nothing held is lost
     */
    public List<WedgeOutcome> accept(Keystroke key) {
        Objects.requireNonNull(key, "key");
        if (started && key.atNanos() < lastSeen) {
            throw new IllegalArgumentException("keystroke at " + key.atNanos() + " ns is earlier than the previous one at "
                    + lastSeen + " ns; feed a monotonic clock (System.nanoTime)");
        }
        started = true;
        lastSeen = key.atNanos();
        List<WedgeOutcome> out = new ArrayList<>(2);
        if (holding() && key.atNanos() - lastAt > maxGapNanos) {
            out.addAll(endedQuietly());
        }
        if (isTerminator(key)) {
            out.addAll(holding() ? terminated(key) : List.of(new WedgeOutcome.PassThrough(List.of(key))));
        } else if (key.kind() != Keystroke.Kind.CHARACTER) {
            // The other of Enter/Tab: no scanner set up for this terminator sends it, so the burst was typing.
            if (holding()) {
                // An overflowed burst swallows this key too: it ends the garbage, it was not typed.
                out.add(dropped > 0 ? rejected("burst overflowed the buffer") : release(key));
            } else {
                out.add(new WedgeOutcome.PassThrough(List.of(key)));
            }
        } else {
            hold(key);
        }
        return out;
    }

    /**
     * Lets the recogniser notice that a burst has gone quiet without a terminator.
     *
     * @param nowNanos the current time on the same monotonic clock as the keys
     */
    public List<WedgeOutcome> tick(long nowNanos) {
        if (holding() && nowNanos - lastAt > maxGapNanos) {
            return endedQuietly();
        }
        return List.of();
    }

    /** Whether keys are held waiting for a decision (the till keeps its tick timer running while true). */
    public boolean holding() {
        return !held.isEmpty() || dropped > 0;
    }

    /** How many keys are held (never more than {@code maxLength}). */
    public int heldCount() {
        return held.size();
    }

    private void hold(Keystroke key) {
        if (!holding()) {
            firstAt = key.atNanos();
        }
        lastAt = key.atNanos();
        if (held.size() < config.maxLength()) {
            held.add(key);
        } else {
            dropped++;
        }
    }

    private boolean isTerminator(Keystroke key) {
        return switch (config.terminator()) {
            case ENTER -> key.kind() == Keystroke.Kind.ENTER;
            case TAB -> key.kind() == Keystroke.Kind.TAB;
        };
    }

    private List<WedgeOutcome> terminated(Keystroke terminator) {
        if (dropped > 0) {
            return List.of(rejected("burst longer than " + config.maxLength() + " characters"));
        }
        if (held.size() < config.minLength() || isAutoRepeat()) {
            return List.of(release(terminator));
        }
        if (terminator.atNanos() - firstAt > maxTotalNanos) {
            return List.of(rejected("burst took longer than " + config.maxTotal().toMillis() + " ms"));
        }
        return scan();
    }

    private List<WedgeOutcome> endedQuietly() {
        if (dropped > 0) {
            return List.of(rejected("burst longer than " + config.maxLength() + " characters"));
        }
        if (held.size() < config.minLength() || isAutoRepeat()) {
            return List.of(release(null));
        }
        if (lastAt - firstAt > maxTotalNanos) {
            return List.of(rejected("burst took longer than " + config.maxTotal().toMillis() + " ms"));
        }
        return switch (config.unterminated()) {
            case SCAN -> scan();
            case PASS_THROUGH -> List.of(release(null));
            case DISCARD -> List.of(rejected("fast burst without " + config.terminator() + " at the end"));
        };
    }

    /**
     * A cashier's last key can land just before a scan starts, within {@code maxGap}, and be glued to the front
     * of it. When the burst is no UID but is one without its first key, and that first key stands apart in
     * time (its gap more than twice the slowest gap inside the rest), the first key was typed: it goes to the
     * field and the rest is the card. Only ever applied when it turns a non-UID into a UID, so a genuine scan is
     * never shortened.
     */
    private boolean leadingKeyIsTyped(String text) {
        if (config.interpretation() == WedgeConfig.Interpretation.QR || held.size() <= config.minLength()) {
            return false;
        }
        long firstGap = held.get(1).atNanos() - held.get(0).atNanos();
        long slowestInside = 0;
        for (int i = 2; i < held.size(); i++) {
            slowestInside = Math.max(slowestInside, held.get(i).atNanos() - held.get(i - 1).atNanos());
        }
        return firstGap > 2 * slowestInside && uidOrNull(text) == null && uidOrNull(text.substring(1)) != null;
    }

    private boolean isAutoRepeat() {
        char first = held.get(0).character();
        for (Keystroke k : held) {
            if (k.character() != first) {
                return false;
            }
        }
        return true;
    }

    private List<WedgeOutcome> scan() {
        String text = heldText();
        if (leadingKeyIsTyped(text)) {
            WedgeOutcome typed = new WedgeOutcome.PassThrough(List.of(held.remove(0)));
            List<WedgeOutcome> rest = scan();
            return List.of(typed, rest.get(0));
        }
        IdentificationEvent event;
        switch (config.interpretation()) {
            case QR -> event = events.qrScanned(text);
            case CARD_UID -> {
                try {
                    event = events.cardTapped(config.uidFormat().canonical(text));
                } catch (IllegalArgumentException notUid) {
                    return List.of(rejected("scan is not a card UID in the configured " + config.uidFormat().encoding() + " format"));
                }
            }
            default -> {
                String uid = uidOrNull(text);
                event = uid != null ? events.cardTapped(uid) : events.qrScanned(text);
            }
        }
        clear();
        return List.of(new WedgeOutcome.Scan(text, event));
    }

    private String uidOrNull(String text) {
        try {
            return config.uidFormat().canonical(text);
        } catch (IllegalArgumentException notUid) {
            return null;
        }
    }

    private WedgeOutcome.PassThrough release(Keystroke extra) {
        List<Keystroke> keys = new ArrayList<>(held);
        if (extra != null) {
            keys.add(extra);
        }
        clear();
        return new WedgeOutcome.PassThrough(keys);
    }

    private WedgeOutcome.Rejected rejected(String why) {
        int length = held.size() + dropped;
        clear();
        // The text is not echoed: it may be a token or a half-read card number.
        return new WedgeOutcome.Rejected(length, events.error("unreadable scan (" + length + " characters): " + why));
    }

    private String heldText() {
        StringBuilder sb = new StringBuilder(held.size());
        held.forEach(k -> sb.append(k.character()));
        return sb.toString();
    }

    private void clear() {
        held.clear();
        dropped = 0;
    }
}
