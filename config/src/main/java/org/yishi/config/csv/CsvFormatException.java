package org.yishi.config.csv;

/** A CSV file that cannot be split into records (e.g. an unterminated quote). Names the line. */
public class CsvFormatException extends RuntimeException {
    private final long line;

    public CsvFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
