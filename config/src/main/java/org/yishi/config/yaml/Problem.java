package org.yishi.config.yaml;

import java.util.Objects;

/**
 * One thing wrong with a file, located precisely enough for a finance officer with a text editor to find it.
 *
 * @param file      the file name as given to the loader
 * @param line      1-based line, or 0 when the problem concerns the whole file
 * @param column    1-based column, or 0 when unknown
 * @param fieldPath where in the document, e.g. {@code rules[2].formula.fixed} (list indices count from 0); empty
 *                  for the document as a whole
 * @param message   what is wrong, quoting the offending value
 */
public record Problem(String file, int line, int column, String fieldPath, String message) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:col: rules[2].formula.fixed: must not be negative (-300)} — the compiler-style form editors can jump to. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!fieldPath.isEmpty()) {
            b.append(fieldPath).append(": ");
        }
        return b.append(message).toString();
    }
}
