package org.yishi.receipts.print;

/**
 * The answer to {@link PrintQueue#submit}. A refusal never touches the sale: it is already in the journal, and
 * its receipt can be printed later as a reprint from there.
 */
public enum Admission {
    /** Queued; it will print, or be held if the printer fails. */
    ACCEPTED,
    /** The queue is at its job or byte limit (the printer has been failing for a long time). */
    REFUSED_FULL,
    /** A job for this receipt id is already waiting or held: printing it twice would duplicate the receipt. */
    REFUSED_ALREADY_QUEUED,
    /** This receipt id was printed recently; a copy must be a REPRINT receipt (重打印) with its own journal record. */
    REFUSED_ALREADY_PRINTED,
    /** The queue is closed (the till is shutting down). */
    REFUSED_CLOSED;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
