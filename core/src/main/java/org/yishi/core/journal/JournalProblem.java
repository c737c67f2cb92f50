package org.yishi.core.journal;

import java.util.Objects;

/**
 * The first bad record of a journal.
 *
 * @param seq        the seq the record claims; 0 when the line is unreadable or the problem concerns the journal as a
 *                   whole (e.g. it is empty or ends before an anchor)
 * @param lineNumber 1-based line of the record in the file; 0 when the problem is not on a line
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
