/**
 * The one stream of events the till listens to, whatever device is on the counter: identifications (card UID,
 * QR payload, manual look-up) and reader status (connected, removed, no reader, unsupported card, errors).
 * Devices publish to a {@link org.yishi.cardreader.event.ReaderEventHub}; the till subscribes to it as a
 * {@link org.yishi.cardreader.event.ReaderEventStream}.
 */
package org.yishi.cardreader.event;
