package org.yishi.core.journal;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Journals on a disk that stops confirming writes: for the till's tests of a sale whose fsync failed after its line
 * was written (the outcome is unknown until the journal is read back). Test code only; the writer's channel seam
 * stays package-private.
 */
public final class FailingForceJournals {

    private FailingForceJournals() {
    }

    /** Opens the journal normally; every fsync of the journal file after that fails, the writes themselves go through. */
    public static JournalWriter openThenFailForce(Path file, TillKeys keys, String tillId, Clock clock) {
        RecordingFileChannels channels = new RecordingFileChannels();
        JournalWriter writer = JournalWriter.open(file, keys, tillId, clock, channels);
        channels.failForceOf(file);
        return writer;
    }
}
