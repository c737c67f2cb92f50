package org.yishi.core.journal;

import java.util.Objects;

/**
 * The first bad record of a journal.
 *
 * @param seq        the seq the record claims; for MISSING_RECORDS the first seq missing (1 for an empty journal); 0 only
 *                   when the line is not a record (MALFORMED or NOT_CANONICAL before its seq could be trusted)
 * @param lineNumber 1-based line of the record in the file; for MISSING_RECORDS the line the first missing record
 *                   would be on
 * @param kind       what kind of problem
 * @param message    what exactly, for a person
 */
public record JournalProblem(long seq, long lineNumber, ProblemKind kind, String message) {
    public JournalProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + " at line " + lineNumber + (seq > 0 ? " (seq " + seq + ")" : "") + ": " + message;
    }
}
