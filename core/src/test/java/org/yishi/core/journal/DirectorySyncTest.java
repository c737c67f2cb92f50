package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySyncTest {

    @TempDir
    Path dir;

    @Test
    void fsyncsTheDirectory() throws IOException {
        RecordingFileChannels channels = new RecordingFileChannels();
        new DirectorySync(channels, true).sync(dir);
        assertThat(channels.indexOf("force", dir)).isNotNegative();
    }

    @Test
    void onPosixAFailedDirectoryFsyncReachesTheCaller() {
        DirectorySync posix = new DirectorySync(new RecordingFileChannels().failForceOf(dir), true);
        assertThatThrownBy(() -> posix.sync(dir)).isInstanceOf(IOException.class).hasMessageContaining("fsync of " + dir);
    }

    @Test
    void onPosixADirectoryThatCannotBeOpenedReachesTheCaller() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        assertThatThrownBy(() -> DirectorySync.force(dir.resolve("gone"))).isInstanceOf(NoSuchFileException.class);
        assertThatCode(() -> DirectorySync.force(dir)).doesNotThrowAnyException();
    }

    @Test
    void whereDirectoriesCannotBeOpenedOrFsyncedAsOnWindowsTheAttemptIsIgnored() {
        FileChannels windows = (path, options) -> {
            throw new AccessDeniedException(path.toString());
        };
        assertThatCode(() -> new DirectorySync(windows, false).sync(dir)).doesNotThrowAnyException();
        assertThatCode(() -> new DirectorySync(new RecordingFileChannels().failForceOf(dir), false).sync(dir))
                .doesNotThrowAnyException();
    }
}
