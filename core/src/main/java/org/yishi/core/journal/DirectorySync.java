package org.yishi.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a newly created or renamed file's directory entry durable. On a POSIX file system that takes an fsync of the
 * directory, and nothing else does it: if that fails the entry may not survive a power cut, so the failure is an
 * I/O error like any other and reaches the caller. Windows cannot open a directory as a channel and makes the entry
 * durable itself; there a failed attempt is expected and ignored.
 */
final class DirectorySync {

    private final FileChannels channels;
    private final boolean posix;

    /**
     * @param channels how to open the directory
     * @param posix    whether directories are fsynced on this file system (and a failure to is an error)
     */
    DirectorySync(FileChannels channels, boolean posix) {
        this.channels = channels;
        this.posix = posix;
    }

    /** Directory syncing as the file system that {@code path} is on needs it. */
    static DirectorySync forFileSystemOf(Path path, FileChannels channels) {
        return new DirectorySync(channels, isPosix(path.getFileSystem()));
    }

    /** Makes the entries of {@code dir} durable (see {@link #sync}) on the file system it is on. */
    static void force(Path dir) throws IOException {
        forFileSystemOf(dir, FileChannels.SYSTEM).sync(dir);
    }

    /**
     * Fsyncs {@code dir}.
     *
     * @throws IOException on a POSIX file system, if the directory cannot be opened or fsynced
     */
    void sync(Path dir) throws IOException {
        if (posix) {
            try (FileChannel ch = channels.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
            return;
        }
        try (FileChannel ch = channels.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // Windows: see the class comment
        }
    }

    private static boolean isPosix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
