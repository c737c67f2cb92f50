/**
 * PC/SC card readers through {@code javax.smartcardio}: a background watcher that turns readers coming and going,
 * cards tapped and removed, and the platform service failing into {@link org.yishi.cardreader.event.ReaderEvent}s.
 *
 * <p>Nothing here throws at the till: every failure becomes a status event, and the watcher keeps going. See
 * {@code docs/pcsc-readers.md} for what each state means at the counter.
 */
package org.yishi.cardreader.pcsc;
