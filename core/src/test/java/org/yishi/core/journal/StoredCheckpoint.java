package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checkpoint kept in a file beside a test journal (the till keeps it in H2): the record's offset on the first line,
 * the checkpoint's JSON on the second, replaced atomically. {@link #resume} rebuilds what a store would answer about
 * the records before it from the journal file itself.
 */
final class StoredCheckpoint {

    private StoredCheckpoint() {
    }

    static void save(Path file, JournalWriter writer) {
        JournalCheckpoint checkpoint = writer.checkpoint().orElseThrow();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, writer.offsetOf(checkpoint.seq()) + "\n" + checkpoint.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resume point stored in {@code file} for {@code journal}, empty if none was stored. */
    static Optional<JournalResume> resume(Path file, Path journal) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> stored = Files.readAllLines(file, StandardCharsets.UTF_8);
            return Optional.of(resume(JournalCheckpoint.fromJson(stored.get(1)), Long.parseLong(stored.get(0)), journal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resume at {@code checkpoint} (whose record starts at {@code offset}), with facts and offsets read from the file. */
    static JournalResume resume(JournalCheckpoint checkpoint, long offset, Path journal) {
        List<SignedRecord> before = new ArrayList<>();
        Map<Long, Long> offsets = new HashMap<>();
        long position = 0;
        for (String line : SampleJournal.lines(journal)) {
            SignedRecord r = JournalReader.parseLine(line);
            if (r.seq() > checkpoint.seq()) {
                break;
            }
            before.add(r);
            offsets.put(r.seq(), position);
            position += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return new JournalResume(checkpoint, offset, EarlierRecords.of(before), seq -> {
            Long at = offsets.get(seq);
            if (at == null) {
                throw new IllegalStateException("no offset for " + seq);
            }
            return at;
        });
    }
}
