package org.yishi.till.store.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.config.registry.RowError;

/**
 * Reads a registry CSV file with {@link RegistryFormat} and tells, for every good row too, the line it started on,
 * so the till's own checks (category vocabulary, card of an unknown elder) can name the line.
 *
 * <p>Why two readers: {@code RegistryFormat.read} hands good rows over without their line. It does hand over
 * exactly one callback per data row, in file order, so a second {@link CsvReader} over the same file, advanced one
 * record per callback, knows the line. Refused rows carry their own line, which is checked against it: if the two
 * ever disagree the import stops rather than blame the wrong line. (If RegistryFormat gains a line-aware callback,
 * this class shrinks to a call.)
 */
public final class NumberedCsvReader {

    private NumberedCsvReader() {
    }

    /** Reads {@code file}, passing each good row with its line and each refused row as reported. */
    public static <T> void read(Path file, RegistryFormat<T> format, ObjLongConsumer<T> accepted, Consumer<RowError> refused) {
        String source = file.getFileName().toString();
        try (BufferedReader parsed = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CsvReader lines = CsvReader.open(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            format.read(parsed, source, value -> accepted.accept(value, nextLine(lines, source)), error -> {
                long line = nextLine(lines, source);
                if (line != error.line()) {
                    throw new IllegalStateException(source + ": row bookkeeping lost its place (line " + line
                            + " expected, the reader reported line " + error.line() + ")");
                }
                refused.accept(error);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static long nextLine(CsvReader lines, String source) {
        Optional<CsvRecord> record = lines.next();
        if (record.isEmpty()) {
            throw new IllegalStateException(source + ": row bookkeeping ran past the end of the file");
        }
        return record.get().line();
    }
}
