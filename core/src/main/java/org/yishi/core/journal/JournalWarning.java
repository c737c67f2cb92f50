package org.yishi.core.journal;

/**
 * Something an auditor should look at that does not break the journal's integrity, e.g. the clock going backwards
 * or a sale flagged offline while the till was online.
 */
public record JournalWarning(long seq, long lineNumber, String message) {
    @Override
    public String toString() {
        return "line " + lineNumber + " (seq " + seq + "): " + message;
    }
}
