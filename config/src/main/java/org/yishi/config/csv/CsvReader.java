package org.yishi.config.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF or LF; a UTF-8 byte-order mark at the start is skipped. The first record is the header.
 * Streaming so a registry of two million elders never sits in memory.
 */
public final class CsvReader implements Closeable {

    private static final int MAX_FIELD_CHARS = 1 << 16;

    private final BufferedReader in;
    private final Map<String, Integer> header;
    private long line = 1;
    private boolean eof;

    private CsvReader(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        skipBom();
        Optional<CsvRecord> first = readRecord(Map.of());
        if (first.isEmpty()) {
            throw new CsvFormatException(1, "the file is empty: a header row is required");
        }
        Map<String, Integer> h = new LinkedHashMap<>();
        List<String> names = first.get().fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (h.putIfAbsent(name, i) != null) {
                throw new CsvFormatException(1, "column \"" + name + "\" appears twice in the header");
            }
        }
        this.header = Collections.unmodifiableMap(h);
    }

    /** Opens a reader and reads the header. */
    public static CsvReader open(Reader reader) {
        return new CsvReader(reader);
    }

    public Map<String, Integer> header() {
        return header;
    }

    /**
     * Checks that every required column is present.
     *
     * @throws CsvFormatException naming the missing columns
     */
    public void requireColumns(List<String> columns) {
        List<String> missing = columns.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFormatException(1, "header lacks column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", columns));
        }
    }

    /**
     * The next record, or empty at the end of the file. Blank lines are skipped.
     *
     * @throws CsvFormatException for a record that cannot be split; the reader has then skipped to the next
     *                            line, so the caller may report it and carry on
     */
    public Optional<CsvRecord> next() {
        while (true) {
            Optional<CsvRecord> r = readRecord(header);
            if (r.isEmpty() || !(r.get().size() == 1 && r.get().fields().get(0).isEmpty())) {
                return r;
            }
        }
    }

    private Optional<CsvRecord> readRecord(Map<String, Integer> h) {
        if (eof) {
            return Optional.empty();
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        try {
            int c = in.read();
            if (c < 0) {
                eof = true;
                return Optional.empty();
            }
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new CsvFormatException(start, "a quoted field is not closed before the end of the file");
                    }
                    eof = true;
                    fields.add(field.toString());
                    return Optional.of(new CsvRecord(start, fields, h));
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int n = in.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            afterQuote = true;
                            if (n >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        field.append(ch);
                    }
                } else if (ch == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    line++;
                    fields.add(field.toString());
                    return Optional.of(new CsvRecord(start, fields, h));
                } else if (ch == '"' && field.length() == 0 && !afterQuote) {
                    quoted = true;
                } else if (afterQuote) {
                    throw resync(new CsvFormatException(line, "unexpected character '" + ch + "' after a closing quote"));
                } else {
                    field.append(ch);
                }
                if (field.length() > MAX_FIELD_CHARS) {
                    throw resync(new CsvFormatException(start, "a field is longer than " + MAX_FIELD_CHARS + " characters"));
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Skips the rest of the physical line so the next {@link #next()} starts at a fresh record: one malformed
     * record must not turn the rest of a file into garbage.
     */
    private CsvFormatException resync(CsvFormatException e) throws IOException {
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                line++;
                return e;
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                line++;
                return e;
            }
        }
        eof = true;
        return e;
    }

    private void skipBom() {
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
