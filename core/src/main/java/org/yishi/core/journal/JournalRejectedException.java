package org.yishi.core.journal;

/**
 * An append the writer refused because the record would make the journal invalid (bad payload, VOID of a sale that
 * does not exist, SHIFT_CLOSE with wrong totals, ...). Nothing was written.
 */
public final class JournalRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient JournalProblem problem;

    JournalRejectedException(JournalProblem problem) {
        super("journal record rejected, nothing written: " + problem.kind() + ": " + problem.message());
        this.problem = problem;
    }

    public JournalProblem problem() {
        return problem;
    }
}
