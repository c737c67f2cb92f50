package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that exists only while nobody has the till database open and its last user closed it cleanly. Missing at
 * open (with a database file present) means the last run ended in a crash, a kill or a power cut, and H2 may hold
 * half-written transactions (see {@link org.yishi.till.store.ledger.TillJournal#open}).
 */
final class ShutdownMarker {

    static final String FILE_NAME = "CLOSED_CLEANLY";

    private final Path file;

    ShutdownMarker(Path databaseDir) {
        this.file = databaseDir.resolve(FILE_NAME);
    }

    boolean present() {
        return Files.exists(file);
    }

    /** Removes the marker (durably): from now on a crash is seen as one. */
    void clear() {
        try {
            if (Files.deleteIfExists(file)) {
                syncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the marker (durably) after the database was closed. */
    void set() {
        try {
            Files.writeString(file, "closed cleanly\n");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes a create/delete in {@code dir} durable where the platform allows opening a directory (not on Windows). */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; NTFS journals the metadata change itself.
        }
    }
}
