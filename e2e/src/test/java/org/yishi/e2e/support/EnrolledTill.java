package org.yishi.e2e.support;

import java.nio.file.Path;
import java.util.List;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.store.TillDataDirectory;

/** A till enrolled into a directory by {@code till enroll}, and what its own journal says. */
public record EnrolledTill(String tillId, Path dir) {

    public Path journalFile() {
        Path dataDir = new TillConfigMapping().load(TillCli.config(dir)).setup().dataDir();
        return new TillDataDirectory(dataDir).journalFile(tillId);
    }

    public List<SignedRecord> journal() {
        return JournalReader.readAll(journalFile());
    }

    public SignedRecord last() {
        List<SignedRecord> all = journal();
        return all.get(all.size() - 1);
    }
}
