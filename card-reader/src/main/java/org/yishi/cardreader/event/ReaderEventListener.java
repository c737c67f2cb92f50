package org.yishi.cardreader.event;

/**
 * Receives reader events. Called on the publishing device's thread (a background thread for real readers):
 * a UI listener hops to its own thread itself and must return quickly, because it delays the device.
 */
@FunctionalInterface
public interface ReaderEventListener {

    void onEvent(ReaderEvent event);
}
