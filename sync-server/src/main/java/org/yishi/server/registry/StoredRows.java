package org.yishi.server.registry;

import java.nio.charset.StandardCharsets;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.journal.JournalFormat;

/** Reading and writing single stored registry rows outside an import (a card reported lost, a retired elder). */
public final class StoredRows {

    private StoredRows() {
    }

    public static <T> T parse(RegistryFormat<T> format, String row) {
        return RegistryImporter.parseOne(format, row);
    }

    public static <T> String canonical(RegistryFormat<T> format, T value) {
        return new CanonicalRows<>(format).row(value);
    }

    /** The header line a stored row goes under (the format's columns, optional ones included). */
    public static String header(RegistryFormat<?> format) {
        return CanonicalRows.header(format);
    }

    public static String sha(String row) {
        return JournalFormat.sha256Hex(row.getBytes(StandardCharsets.UTF_8));
    }
}
