package org.yishi.config.registry;

/**
 * A CSV row that was refused, with where and why. The rows around it are still read.
 *
 * @param file   file name as given
 * @param line   line number where the row starts
 * @param column the column at fault, or "" for the whole row
 * @param message what is wrong
 */
public record RowError(String file, long line, String column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + (column.isEmpty() ? "" : " [" + column + "]") + ": " + message;
    }
}
