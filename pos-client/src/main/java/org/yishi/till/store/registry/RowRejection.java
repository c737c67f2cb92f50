package org.yishi.till.store.registry;

import java.util.Objects;

/**
 * A source row the import did not take, and why.
 *
 * @param line    1-based line number in the source file (the header is line 1)
 * @param problem what is wrong, naming the field and value
 */
public record RowRejection(long line, String problem) {
    public RowRejection {
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + problem;
    }
}
