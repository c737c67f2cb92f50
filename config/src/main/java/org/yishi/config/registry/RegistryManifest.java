package org.yishi.config.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.core.elder.RegistryMode;

/**
 * What an export's {@code manifest.csv} declares (docs/registry-csv.md): whether the export is the whole registry
 * (full: it replaces the till's cache) or changes only (delta: upserted).
 *
 * @param mode     full or delta
 * @param declared whether the export said so in a manifest.csv; false when it has none and {@link #DEFAULT} applies
 */
public record RegistryManifest(RegistryMode mode, boolean declared) {

    /**
     * An export without a manifest is full: every export was a full snapshot before manifests existed, and a wrong
     * "full" stops cards the export leaves out, while a wrong "delta" would keep withdrawn cards working.
     */
    public static final RegistryManifest DEFAULT = new RegistryManifest(RegistryMode.FULL, false);

    public RegistryManifest {
        Objects.requireNonNull(mode, "mode");
    }

    /** A manifest declaring {@code mode}, as an exporter writes it. */
    public static RegistryManifest of(RegistryMode mode) {
        return new RegistryManifest(mode, true);
    }

    /**
     * Reads {@code dir/manifest.csv}, or gives {@link #DEFAULT} when there is none.
     *
     * @throws IllegalArgumentException if the manifest is there but is not exactly one valid row: the till cannot tell
     *                                  how to apply the export, so nothing of it may be imported
     */
    public static RegistryManifest read(Path dir) {
        Path file = dir.resolve(RegistryFormat.MANIFEST.fileName());
        if (!Files.isRegularFile(file)) {
            return DEFAULT;
        }
        List<RegistryManifest> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try {
            RegistryFormat.MANIFEST.read(file, (m, line) -> rows.add(m), errors::add);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage() + " (nothing of the export was imported)", e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.get(0).toString() + " (nothing of the export was imported)");
        }
        if (rows.size() != 1) {
            throw new IllegalArgumentException(file + ": must have exactly one row (mode full or delta), found " + rows.size()
                    + " (nothing of the export was imported)");
        }
        return rows.get(0);
    }

    /** Writes {@code dir/manifest.csv}. */
    public void write(Path dir) {
        Path file = dir.resolve(RegistryFormat.MANIFEST.fileName());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RegistryFormat.MANIFEST.writeAll(out, List.of(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
