package org.yishi.config.simulate;

import java.util.Objects;

/**
 * A bad input row (or field) of a purchases file.
 *
 * @param line    physical line where the record starts (1-based; the header is line 1)
 * @param column  1-based column of the bad field, or 0 when the whole record is bad
 * @param field   the column name, or "" when the whole record is bad
 * @param message what is wrong, quoting the value
 */
public record RowError(long line, int column, String field, String message) {

    public RowError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code line 17, column 3 (birth_date): not a date: "1950-13-01"}. */
    @Override
    public String toString() {
        return column > 0 ? "line " + line + ", column " + column + " (" + field + "): " + message : "line " + line + ": " + message;
    }
}
