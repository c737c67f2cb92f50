package org.yishi.cardreader.pcsc;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;

/**
 * Where the watcher gets its readers: the platform's PC/SC service in production ({@link SystemPcsc}), fake
 * terminals in tests for the failures a virtual card cannot produce.
 */
public interface CardTerminalsSource {

    /**
     * Readers through a live connection to the PC/SC service.
     *
     * @throws CardException when the service cannot be reached (not running, not installed)
     */
    CardTerminals open() throws CardException;

    /**
     * The service was lost (stopped, restarted): forget the dead connection so that the next {@link #open()}
     * makes a new one.
     *
     * @return false if the connection could not be renewed in this process (the watcher says so)
     */
    boolean discard();
}
