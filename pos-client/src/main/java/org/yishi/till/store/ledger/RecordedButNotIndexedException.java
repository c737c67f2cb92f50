package org.yishi.till.store.ledger;

import java.util.Objects;
import org.yishi.core.journal.SignedRecord;

/**
 * The record IS committed — fsynced in the journal, the system of record — but the till database could not index it.
 * Treat the sale as done (print its receipt; never ring it again: that would subsidise the meal twice). The till
 * journal catches the index up before its next append, or refuses appends while the database stays unusable.
 */
public final class RecordedButNotIndexedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SignedRecord record;

    public RecordedButNotIndexedException(SignedRecord record, Throwable cause) {
        super("seq " + record.seq() + " (" + record.type() + ") is committed in the journal but the till database could not"
                + " index it: " + cause.getMessage(), cause);
        this.record = Objects.requireNonNull(record, "record");
    }

    /** The committed record. */
    public SignedRecord record() {
        return record;
    }
}
