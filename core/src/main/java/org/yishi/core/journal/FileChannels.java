package org.yishi.core.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the journal opens the channels it writes and fsyncs through: the file system itself, or in tests a wrapper
 * that records (or fails) each write, truncate and force, so the order of fsyncs can be checked.
 */
@FunctionalInterface
interface FileChannels {

    /** The file system itself. */
    FileChannels SYSTEM = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
