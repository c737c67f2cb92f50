package org.yishi.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a newly created or renamed file's directory entry durable. POSIX needs an fsync of the directory; Windows
 * cannot open a directory as a channel and makes the entry durable itself, so failure is ignored there.
 */
final class DirectorySync {

    private DirectorySync() {
    }

    static void force(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupportedHere) {
            // best effort: see class comment
        }
    }
}
