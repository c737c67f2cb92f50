package org.yishi.server.registry;

import java.io.StringWriter;
import java.util.function.Consumer;
import org.yishi.config.csv.CsvWriter;
import org.yishi.config.registry.RegistryFormat;

/**
 * A registry record's canonical CSV row, as config's {@link RegistryFormat} writes it: what the server stores and sends
 * back to tills, so a row read, stored and exported again is the row a till would read. Not thread-safe: one per
 * import or export.
 */
final class CanonicalRows<T> {

    private final StringWriter buffer = new StringWriter();
    private final CsvWriter csv = new CsvWriter(buffer);
    private final Consumer<T> writer;
    private final int headerLength;

    CanonicalRows(RegistryFormat<T> format) {
        this.writer = format.writer(csv);
        csv.flush();
        this.headerLength = buffer.getBuffer().length();
    }

    /** The row of {@code value}, without its line break. */
    String row(T value) {
        buffer.getBuffer().setLength(headerLength);
        writer.accept(value);
        csv.flush();
        String row = buffer.getBuffer().substring(headerLength);
        return row.endsWith("\r\n") ? row.substring(0, row.length() - 2) : row.endsWith("\n") ? row.substring(0, row.length() - 1) : row;
    }

    /** The header line of the format, without its line break. */
    static String header(RegistryFormat<?> format) {
        java.util.List<String> all = new java.util.ArrayList<>(format.columns());
        all.addAll(format.optionalColumns());
        StringWriter w = new StringWriter();
        CsvWriter c = new CsvWriter(w);
        c.row(all);
        c.flush();
        return w.toString().strip();
    }
}
