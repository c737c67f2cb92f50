/**
 * Keyboard-wedge card readers and QR scanners: telling their fast, Enter-terminated keystroke bursts from a
 * cashier's typing, free of JavaFX so it is tested on recorded timings alone.
 *
 * <p>The till's key handler consumes every key, feeds it to a {@link org.yishi.cardreader.wedge.WedgeKeyboardSource}
 * with {@code System.nanoTime()}, replays the keys it hands back into the focused field, and runs a ~10 ms timer
 * while the source is holding keys.
 */
package org.yishi.cardreader.wedge;
