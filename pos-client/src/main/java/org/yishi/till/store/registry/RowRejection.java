package org.yishi.till.store.registry;

import java.util.Objects;

/**
 * A source row the import did not take, and why.
 *
 * @param line    1-based line number in the source file (the header is line 1)
 * @param problem what is wrong, naming the field and value
 * @param key     the elder id or card UID the row names — the record an elder or card import blocked for it, if the
 *                till had it — or "" when the row names none that could be read
 */
public record RowRejection(long line, String problem, String key) {
    public RowRejection {
        Objects.requireNonNull(problem, "problem");
        key = key == null ? "" : key;
    }

    /** A rejection that names no record (canteens, menus). */
    public RowRejection(long line, String problem) {
        this(line, problem, "");
    }

    @Override
    public String toString() {
        return "line " + line + (key.isEmpty() ? "" : " (" + key + ")") + ": " + problem;
    }
}
