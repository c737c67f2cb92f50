package org.yishi.config.registry;

/**
 * A CSV row that was refused, with where and why. The rows around it are still read.
 *
 * @param file    file name as given
 * @param line    line number where the row starts
 * @param column  the column at fault, or "" for the whole row
 * @param message what is wrong
 * @param key     the elder id or card UID the refused row names, read as leniently as a lookup would (card UIDs
 *                upper-cased, spaces and colons dropped), or "" if the row names none that could be read (and for
 *                formats without such a key). An importer uses it to stop serving that elder or card rather than
 *                keep what it knew before: the refused row may have said "lost".
 */
public record RowError(String file, long line, String column, String message, String key) {

    public RowError {
        key = key == null ? "" : key;
    }

    /** A refusal that names no record. */
    public RowError(String file, long line, String column, String message) {
        this(file, line, column, message, "");
    }

    @Override
    public String toString() {
        return file + ":" + line + (column.isEmpty() ? "" : " [" + column + "]") + ": " + message;
    }
}
