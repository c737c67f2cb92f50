package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.yishi.core.journal.TillKeyFiles;

/**
 * Where a till keeps its files (docs/till-store.md):
 * <pre>
 * DATA/
 *   journal/journal-&lt;till&gt;.jsonl   the signed journal: the system of record (back it up)
 *   keys/till-ed25519.key          the till's signing key, owner-only (back it up, separately, secretly)
 *   keys/till-ed25519.history      every key the till has had (public halves): what verification pins
 *   keys/till-ed25519.next.key     only during a key rotation: the new key, saved before it is journalled
 *   db/till.mv.db                  H2: registry/policy/menu cache + journal mirror + sales index (rebuildable)
 *   quarantine/db-&lt;time&gt;/          database files moved aside after H2 failed to open (never deleted)
 * </pre>
 * The journal and the key live outside the database on purpose: whatever happens to the H2 file, the sales survive.
 */
public record TillDataDirectory(Path root) {

    public TillDataDirectory {
        root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    public Path journalDir() {
        return root.resolve("journal");
    }

    public Path journalFile(String tillId) {
        return journalDir().resolve("journal-" + tillId + ".jsonl");
    }

    public Path keyFile() {
        return TillKeyFiles.of(root).signingKey();
    }

    /** Every key the till has had, oldest first, public halves only ({@link org.yishi.core.journal.KeyHistory}). */
    public Path keyHistoryFile() {
        return TillKeyFiles.of(root).history();
    }

    /** A key rotation's new key while the rotation is under way ({@link TillKeyRing}). */
    public Path nextKeyFile() {
        return TillKeyFiles.of(root).nextKey();
    }

    public Path databaseDir() {
        return root.resolve("db");
    }

    /** The H2 database file. */
    public Path databaseFile() {
        return databaseDir().resolve(TillDatabase.FILE_NAME + ".mv.db");
    }

    public Path quarantineDir() {
        return root.resolve("quarantine");
    }

    /** Creates the directories (the key directory owner-only where the file system supports it). */
    public void create() {
        try {
            Files.createDirectories(journalDir());
            Files.createDirectories(keyFile().getParent());
            Files.createDirectories(databaseDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create till data directory " + root + ": " + e.getMessage(), e);
        }
    }
}
