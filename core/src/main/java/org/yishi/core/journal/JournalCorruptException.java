package org.yishi.core.journal;

/**
 * A journal that cannot be trusted or continued: the writer refuses to open it rather than truncate accepted
 * records. {@link #problem()} names the first bad record.
 */
public final class JournalCorruptException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JournalProblem problem;

    JournalCorruptException(String file, JournalProblem problem) {
        super("journal " + file + " is corrupt, refusing to open it (nothing was changed): " + problem);
        this.problem = problem;
    }

    public JournalProblem problem() {
        return problem;
    }
}
