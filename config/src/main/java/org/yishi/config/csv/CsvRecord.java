package org.yishi.config.csv;

import java.util.List;
import java.util.Map;

/**
 * One record of a CSV file with a header.
 *
 * @param line   physical line number (1-based) where the record starts, for error messages
 * @param fields the fields, in file order
 * @param header column name → index
 */
public record CsvRecord(long line, List<String> fields, Map<String, Integer> header) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }

    /** The field of a column, or "" when the record is shorter than the header. */
    public String get(String column) {
        Integer i = header.get(column);
        if (i == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        return i < fields.size() ? fields.get(i) : "";
    }

    public int size() {
        return fields.size();
    }
}
