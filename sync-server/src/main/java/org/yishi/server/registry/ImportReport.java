package org.yishi.server.registry;

import java.util.List;
import java.util.Map;

/**
 * What an import did, per file: rows accepted (of those, changed or unchanged), refused with file:line [column]:
 * reason (the first {@link #MAX_ERRORS_LISTED} listed; all counted), and for a full import what it retired.
 *
 * @param mode   {@code delta} or {@code full}
 * @param change the change number the import's changes carry (0 when it changed nothing)
 * @param files  per part name (canteens, elders, cards, menu, staff)
 */
public record ImportReport(String mode, long change, Map<String, FileReport> files) {

    public static final int MAX_ERRORS_LISTED = 1_000;

    public ImportReport {
        files = Map.copyOf(files);
    }

    /** One file's outcome. */
    public record FileReport(long accepted, long changed, long unchanged, long refused, long retired, List<String> errors) {
        public FileReport {
            errors = List.copyOf(errors);
        }
    }

    public boolean anyRefused() {
        return files.values().stream().anyMatch(f -> f.refused() > 0);
    }
}
