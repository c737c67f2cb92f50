package org.yishi.config.registry;

/** A field that cannot be read; carries the column so the row error can name it. */
public class FieldException extends RuntimeException {
    private final String column;

    public FieldException(String column, String message) {
        super(message);
        this.column = column;
    }

    public String column() {
        return column;
    }
}
