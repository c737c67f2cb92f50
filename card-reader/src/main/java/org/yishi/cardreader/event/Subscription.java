package org.yishi.cardreader.event;

/** A listener's registration; closing it stops delivery. Closing twice is harmless. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
