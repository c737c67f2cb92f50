package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves a damaged database's files aside into {@code DATA/quarantine/db-<UTC time>/} — renamed, never deleted: they may
 * hold evidence, and H2's recovery tool may still get something out of them.
 */
final class DatabaseQuarantine {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final TillDataDirectory dir;
    private final Clock clock;

    DatabaseQuarantine(TillDataDirectory dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Moves every {@code till.*} file of the database directory aside and returns where they went. */
    Path moveAside() {
        String name = "db-" + STAMP.format(clock.instant());
        Path target = dir.quarantineDir().resolve(name);
        try {
            Files.createDirectories(dir.quarantineDir());
            for (int n = 1; Files.exists(target); n++) {
                target = dir.quarantineDir().resolve(name + "-" + n);
            }
            Files.createDirectory(target);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.databaseDir(), TillDatabase.FILE_NAME + ".*")) {
                for (Path f : files) {
                    Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the damaged till database aside to " + target + ": " + e.getMessage(), e);
        }
    }
}
