package org.yishi.cardreader.wedge;

import java.util.Objects;

/**
 * One key as the till's key handler sees it: a typed character, or Enter, or Tab, with the time it arrived.
 *
 * @param kind      what was pressed
 * @param character the typed character for {@link Kind#CHARACTER}; {@code '\n'} / {@code '\t'} for Enter / Tab
 * @param atNanos   arrival time on a monotonic clock ({@link System#nanoTime()}), never wall-clock time, so a
 *                  clock adjustment during rush hour cannot make typing look like a scan
 */
public record Keystroke(Kind kind, char character, long atNanos) {

    /** What kind of key. Enter and Tab are kept apart from characters because scanners end with one of them. */
    public enum Kind { CHARACTER, ENTER, TAB }

    public Keystroke {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CHARACTER && Character.isISOControl(character)) {
            throw new IllegalArgumentException("control character U+" + String.format("%04X", (int) character)
                    + " is not a typed character; use Keystroke.enter or Keystroke.tab");
        }
        if (kind == Kind.ENTER && character != '\n' || kind == Kind.TAB && character != '\t') {
            throw new IllegalArgumentException(kind + " carries its own character; use Keystroke." + kind.name().toLowerCase());
        }
    }

    public static Keystroke character(char c, long atNanos) {
        return new Keystroke(Kind.CHARACTER, c, atNanos);
    }

    public static Keystroke enter(long atNanos) {
        return new Keystroke(Kind.ENTER, '\n', atNanos);
    }

    public static Keystroke tab(long atNanos) {
        return new Keystroke(Kind.TAB, '\t', atNanos);
    }
}
