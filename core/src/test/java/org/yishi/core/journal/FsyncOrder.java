package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches one journal file through the writer's channel seam and checks the promise a till makes to the elder: a
 * record is on disk before anyone is told it exists. The crash tests cannot check that (a SIGKILLed process leaves
 * its writes in the page cache, which survives; only a power cut loses them), so this checks it directly:
 *
 * <ul>
 * <li>between one acknowledgement and the next, the journal was written, and then fsynced after its last write
 * ({@code write < force < ack}); and</li>
 * <li>at each acknowledgement, every byte then in the file had been covered by a completed fsync — what a power
 * cut at that moment would keep.</li>
 * </ul>
 *
 * The test calls {@link #acknowledged} when the call that wrote a record returns (a {@code JournalWriter.append},
 * a {@code TillJournal.commitSale}): the moment the till may print the receipt. Public for pos-client's tests; the
 * seam itself stays package-private.
 */
public final class FsyncOrder {

    private static final String ACK = "ack ";

    private final RecordingFileChannels channels = new RecordingFileChannels();
    private final List<String> violations = new ArrayList<>();
    private Path journal;
    private int acknowledgements;

    /** Opens (or reopens) the journal as {@link JournalWriter#open} does, every channel watched. */
    public JournalWriter open(Path journalFile, TillKeys keys, String tillId, Clock clock) {
        return JournalWriter.open(watch(journalFile), keys, tillId, clock, channels);
    }

    /** A watched channel on the journal file without a writer: for checking this checker. */
    FileChannel openChannel(Path journalFile, OpenOption... options) throws IOException {
        return channels.open(watch(journalFile), options);
    }

    private synchronized Path watch(Path journalFile) {
        Path file = journalFile.toAbsolutePath();
        if (journal != null && !journal.equals(file)) {
            throw new IllegalArgumentException("this FsyncOrder watches " + journal + ", not " + file);
        }
        journal = file;
        return file;
    }

    /** The call that wrote {@code record} has just returned: from now on the till acts on it. */
    public void acknowledged(SignedRecord record) {
        acknowledged(record.seq());
    }

    synchronized void acknowledged(long seq) {
        if (journal == null) {
            throw new IllegalStateException("open a journal through this FsyncOrder first");
        }
        acknowledgements++;
        long size;
        try {
            size = Files.size(journal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long forced = channels.forcedSize(journal);
        if (forced < size) {
            violations.add("seq " + seq + " acknowledged with bytes " + forced + "-" + size
                    + " of the journal not yet fsynced (a power cut now would lose them)");
        }
        channels.mark(ACK + seq, journal);
    }

    /** How many acknowledgements were checked. */
    public synchronized int acknowledgements() {
        return acknowledgements;
    }

    /** Every broken promise, in order; empty when each acknowledged record was written and then fsynced first. */
    public synchronized List<String> violations() {
        List<String> out = new ArrayList<>(violations);
        int lastWrite = -1;
        int lastForce = -1;
        List<RecordingFileChannels.Op> ops = channels.ops();
        for (int i = 0; i < ops.size(); i++) {
            RecordingFileChannels.Op op = ops.get(i);
            if (!op.path().equals(journal)) {
                continue;
            }
            if (op.name().equals("write")) {
                lastWrite = i;
            } else if (op.name().equals("force")) {
                lastForce = i;
            } else if (op.name().startsWith(ACK)) {
                String seq = op.name().substring(ACK.length());
                if (lastWrite < 0) {
                    out.add("seq " + seq + " acknowledged without a write of the journal since the previous acknowledgement");
                } else if (lastForce < lastWrite) {
                    out.add("seq " + seq + " acknowledged before an fsync of its write (operations: " + around(ops, i) + ")");
                }
                lastWrite = -1;
                lastForce = -1;
            }
        }
        return List.copyOf(out);
    }

    private List<RecordingFileChannels.Op> around(List<RecordingFileChannels.Op> ops, int i) {
        return ops.subList(Math.max(0, i - 4), i + 1).stream().filter(op -> op.path().equals(journal)).toList();
    }
}
