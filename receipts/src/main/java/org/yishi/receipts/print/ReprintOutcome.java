package org.yishi.receipts.print;

/** The answer to {@link PrintQueue#reprint(String)}. */
public enum ReprintOutcome {
    /** The held job was released and goes to the printer next. */
    RELEASED,
    /** The job is not held: it is waiting, released already, or printing now. */
    ALREADY_PENDING,
    /** The receipt has been printed; a further copy is a REPRINT receipt (重打印) with its own journal record. */
    ALREADY_PRINTED,
    /** The queue knows no job for this receipt id (discarded, or never submitted). */
    UNKNOWN_RECEIPT
}
