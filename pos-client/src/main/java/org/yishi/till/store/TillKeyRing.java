package org.yishi.till.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.yishi.core.journal.KeyHistory;
import org.yishi.core.journal.TillKeys;

/**
 * The till's keys directory (docs/till-store.md#key-rotation): the key file in force, the history of every key the
 * till has had, and a rotation's new key while the rotation is under way.
 *
 * <p>A rotation takes four durable steps, each of which a crash may follow: (1) the new key is saved as
 * {@code till-ed25519.next.key} and (2) entered in the history as {@code next}; (3) the KEY_ROTATION is journalled
 * (signed by the old key); (4) the history marks the new key current and the new key file replaces the old one — so
 * the old private key is deleted, never to sign again. {@link #open} finds an unfinished rotation and asks the
 * journal whether step 3 happened: if it did, it finishes step 4; if not, it forgets the new key, which never signed
 * anything.
 */
public final class TillKeyRing {

    private static final System.Logger LOG = System.getLogger(TillKeyRing.class.getName());

    private final TillDataDirectory dir;
    private TillKeys current;

    public TillKeyRing(TillDataDirectory dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /**
     * Loads the key that signs {@code journalFile}'s next record: finishes or undoes a rotation a crash interrupted,
     * creates the first key of a new till, and starts the history of a till that has none yet.
     *
     * @throws IllegalStateException if the history, the key files and the journal disagree in a way no crash explains
     */
    public synchronized TillKeys open(Path journalFile) {
        Optional<KeyHistory> history = KeyHistory.readIfPresent(dir.keyHistoryFile());
        if (Files.exists(dir.nextKeyFile()) || history.flatMap(KeyHistory::next).isPresent()) {
            resolveInterruptedRotation(journalFile, history);
            history = KeyHistory.readIfPresent(dir.keyHistoryFile());
        }
        TillKeys keys = TillKeys.loadOrCreate(dir.keyFile());
        if (history.isEmpty()) {
            // A new till, or one from before key histories: no rotation ever happened, so its key is its first.
            writeHistory(KeyHistory.startingWith(keys.publicKey()));
        } else if (!history.get().current().keyId().equals(keys.keyId())) {
            throw new IllegalStateException("the till key history " + dir.keyHistoryFile() + " says key "
                    + history.get().current().keyId() + " signs, but the key file " + dir.keyFile() + " holds key "
                    + keys.keyId() + ": the key file was replaced behind the till's back; restore the right one");
        }
        current = keys;
        return keys;
    }

    /** The key that signs now (after {@link #open}). */
    public synchronized TillKeys current() {
        if (current == null) {
            throw new IllegalStateException("the key ring of " + dir.root() + " is not open");
        }
        return current;
    }

    /** The history on disk. */
    public KeyHistory history() {
        return KeyHistory.read(dir.keyHistoryFile());
    }

    /**
     * Rotation steps 1 and 2: a new key, saved durably (owner-only) and entered in the history as next, before it
     * signs anything. Journal the KEY_ROTATION next, then {@link #completeRotation} or {@link #abandonRotation}.
     */
    synchronized TillKeys prepareRotation() {
        current();
        KeyHistory history = history();
        TillKeys next = TillKeys.generate();
        next.save(dir.nextKeyFile());
        writeHistory(history.withNext(next.publicKey()));
        return next;
    }

    /**
     * Rotation step 4, once the KEY_ROTATION is in the journal: the new key signs from now on, the history says so,
     * and the new key file replaces the old one. The old private key is not kept: nothing may sign with it again, and
     * verifying needs only public keys (the history has them), so a kept copy would only be something to steal.
     */
    synchronized void completeRotation(TillKeys next) {
        current = next;
        finish(history());
    }

    /** The KEY_ROTATION was refused and nothing was journalled: the new key, which signed nothing, is forgotten. */
    synchronized void abandonRotation() {
        writeHistory(history().withoutNext());
        deleteNextKey();
    }

    private void resolveInterruptedRotation(Path journalFile, Optional<KeyHistory> history) {
        String inForce = JournalKeyInForce.of(journalFile).orElse(null);
        Optional<TillKeys> next = Files.exists(dir.nextKeyFile()) ? Optional.of(TillKeys.load(dir.nextKeyFile())) : Optional.empty();
        if (next.isPresent() && next.get().keyId().equals(inForce)) {
            LOG.log(System.Logger.Level.WARNING, "till key rotation to {0} was journalled but not finished (a crash?): finishing it",
                    inForce);
            finish(history.orElseGet(() -> KeyHistory.startingWith(TillKeys.load(dir.keyFile()).publicKey()).withNext(next.get().publicKey())));
            return;
        }
        String currentId = Files.exists(dir.keyFile()) ? TillKeys.load(dir.keyFile()).keyId() : null;
        if (inForce == null || inForce.equals(currentId)) {
            LOG.log(System.Logger.Level.WARNING, "till key rotation was cut short before its KEY_ROTATION was journalled:"
                    + " the new key signed nothing and is discarded; rotate again");
            history.ifPresent(h -> writeHistory(h.withoutNext()));
            deleteNextKey();
            return;
        }
        throw new IllegalStateException("journal " + journalFile + " is signed with key " + inForce + ", which is neither the till's key "
                + currentId + " nor the new key of its unfinished rotation " + next.map(TillKeys::keyId).orElse("(none)"));
    }

    /** Step 4 from wherever a crash left it: history first (so it never names a key file that is gone), then the file. */
    private void finish(KeyHistory history) {
        writeHistory(history.promoteNext());
        try {
            if (Files.exists(dir.nextKeyFile())) {
                Files.move(dir.nextKeyFile(), dir.keyFile(), StandardCopyOption.ATOMIC_MOVE);
                syncDirectory();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new till key " + dir.nextKeyFile() + " in place of " + dir.keyFile()
                    + ": " + e.getMessage() + " (the till finishes this when it next opens)", e);
        }
    }

    private void deleteNextKey() {
        try {
            if (Files.deleteIfExists(dir.nextKeyFile())) {
                syncDirectory();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the unused till key " + dir.nextKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the history file durably: a new file written, fsynced and renamed over the old one. */
    private void writeHistory(KeyHistory history) {
        Path file = dir.keyHistoryFile();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(history.text().getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the till key history " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // moved into place, or never created
            }
        }
    }

    /**
     * Makes a rename in the keys directory durable. On POSIX that takes an fsync of the directory, and a failure is
     * an error (the till could come back with the old key file after a power cut); Windows cannot open a directory and
     * makes the entry durable itself.
     */
    private void syncDirectory() throws IOException {
        Path keys = dir.keyFile().getParent();
        boolean posix = keys.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (FileChannel ch = FileChannel.open(keys, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (posix) {
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }
    }
}
