package org.yishi.core.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a till keeps its signing keys: {@code DATA/keys/} of its data directory (docs/till-store.md). One place for
 * the names, because the till that writes these files and every verifier that reads them ({@code journal verify} on a
 * till, at the administrator's, at an auditor's) must agree on them.
 *
 * @param dir the key directory
 */
public record TillKeyFiles(Path dir) {

    public TillKeyFiles {
        Objects.requireNonNull(dir, "dir");
    }

    /** The key directory of the till data directory {@code tillDataDir}. */
    public static TillKeyFiles of(Path tillDataDir) {
        return new TillKeyFiles(tillDataDir.resolve("keys"));
    }

    /** The till's signing key ({@link TillKeys}): private, owner-only. */
    public Path signingKey() {
        return dir.resolve("till-ed25519.key");
    }

    /** Every key the till has had, public halves only ({@link KeyHistory}): what verification pins. */
    public Path history() {
        return dir.resolve("till-ed25519.history");
    }

    /** A key rotation's new key while the rotation is under way. */
    public Path nextKey() {
        return dir.resolve("till-ed25519.next.key");
    }
}
