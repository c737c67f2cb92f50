package org.yishi.receipts.print;

/**
 * Hears what the {@link PrintQueue} does, on the queue's own event thread, in order. A UI listener hands the
 * event to its UI thread (e.g. {@code Platform.runLater}); a slow listener delays later events, never printing.
 */
public interface PrintQueueListener {

    /** The status bar should now show {@code status}. */
    default void statusChanged(QueueStatus status) {
    }

    /** The printer took receipt {@code receiptId}. */
    default void printed(String receiptId, Delivery delivery) {
    }

    /** Receipt {@code receiptId} did not print and is held. */
    default void held(String receiptId, HoldReason reason) {
    }

    /** A supervisor discarded a held job. */
    default void discarded(DiscardRecord record) {
    }
}
