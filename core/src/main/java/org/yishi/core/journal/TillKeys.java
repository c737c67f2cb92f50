package org.yishi.core.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

/**
 * The till's Ed25519 signing key pair. Kept in its own file, outside the database and the journal, readable by the
 * till's OS user only. The private key never leaves this object: no accessor, not in {@link #toString()}, never
 * logged.
 *
 * <p>File format (a Java properties file, ASCII): {@code format=yishi-till-key/1}, {@code algorithm=Ed25519},
 * {@code keyId}, {@code publicKey} (base64 X.509), {@code privateKey} (base64 PKCS#8).
 */
public final class TillKeys {

    private static final System.Logger LOG = System.getLogger(TillKeys.class.getName());
    private static final String FORMAT = "yishi-till-key/1";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    /** The key material prepared once for BouncyCastle's RFC 8032 signing: a sale should cost an fsync, not a signature. */
    private final Ed25519Signer signer;

    /** @throws IllegalArgumentException if the two keys are not one Ed25519 pair */
    private TillKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.signer = new Ed25519Signer(privateKey, publicKey);
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = JournalFormat.keyIdOf(publicKey);
    }

    /** A key pair made elsewhere (the JDK's generator, a test's fixed key); refused unless it is one Ed25519 pair. */
    static TillKeys of(KeyPair pair) {
        return new TillKeys(pair.getPrivate(), pair.getPublic());
    }

    /** A fresh key pair in memory (persist it with {@link #save(Path)} before it signs anything that matters). */
    public static TillKeys generate() {
        try {
            return of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM", e);
        }
    }

    /**
     * Loads the key pair from {@code keyFile}, or creates it (owner-only) if the file does not exist. An existing
     * file that cannot be read as a key pair is an error and is left untouched: replacing it would orphan the
     * journal it signed.
     */
    public static TillKeys loadOrCreate(Path keyFile) {
        if (Files.exists(keyFile)) {
            return load(keyFile);
        }
        TillKeys keys = generate();
        try {
            keys.save(keyFile);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                return load(keyFile);
            }
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "created till key {0} in {1}", keys.keyId, keyFile);
        return keys;
    }

    /** Loads an existing key file, tightening its permissions to owner-only if others could read it. */
    public static TillKeys load(Path keyFile) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(keyFile)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read till key file " + keyFile + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(p.getProperty("format")) || !"Ed25519".equals(p.getProperty("algorithm"))) {
            throw new IllegalStateException("till key file " + keyFile + " is not a " + FORMAT + " Ed25519 key file");
        }
        PublicKey publicKey;
        PrivateKey privateKey;
        try {
            publicKey = JournalFormat.decodePublicKey(require(p, "publicKey", keyFile));
            byte[] pkcs8 = Base64.getDecoder().decode(require(p, "privateKey", keyFile));
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The cause may quote key bytes: keep only its kind.
            throw new IllegalStateException("till key file " + keyFile + " holds an unreadable key (" + e.getClass().getSimpleName() + ")");
        }
        String keyId = JournalFormat.keyIdOf(publicKey);
        if (!keyId.equals(p.getProperty("keyId"))) {
            throw new IllegalStateException("till key file " + keyFile + ": keyId " + p.getProperty("keyId")
                    + " does not match its public key " + keyId);
        }
        TillKeys keys;
        try {
            keys = new TillKeys(privateKey, publicKey);
        } catch (IllegalArgumentException notOnePair) {
            // Our own message, never key bytes: the public key is derived from the private one and compared.
            throw new IllegalStateException("till key file " + keyFile + ": " + notOnePair.getMessage());
        }
        restrictIfTooOpen(keyFile);
        return keys;
    }

    /**
     * Writes the key pair to a new file readable and writable by the owner only. Never overwrites: an existing
     * file is an error.
     */
    public void save(Path keyFile) {
        Path dir = keyFile.toAbsolutePath().getParent();
        Path tmp = dir.resolve(keyFile.getFileName() + ".tmp-" + UUID.randomUUID());
        String text = "# Yishi till signing key (Ed25519). SECRET: owner-only, never copy it into the database, git or logs.\n"
                + "format=" + FORMAT + "\n"
                + "algorithm=Ed25519\n"
                + "keyId=" + keyId + "\n"
                + "publicKey=" + JournalFormat.encodePublicKey(publicKey) + "\n"
                + "privateKey=" + Base64.getEncoder().encodeToString(privateKey.getEncoded()) + "\n";
        try {
            Files.createDirectories(dir);
            if (Files.exists(keyFile)) {
                throw new FileAlreadyExistsException(keyFile.toString(), null, "a till key file is never overwritten");
            }
            createOwnerOnly(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            // No REPLACE_EXISTING: if another process created the key meanwhile, keep theirs.
            Files.move(tmp, keyFile);
            DirectorySync.force(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write till key file " + keyFile + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temp file may already have been moved
            }
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            return;
        }
        Files.createFile(file);
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            AclEntry ownerOnly = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
            acl.setAcl(List.of(ownerOnly));
        } else {
            LOG.log(System.Logger.Level.WARNING, "cannot restrict permissions of till key file {0} on this file system", file);
        }
    }

    private static void restrictIfTooOpen(Path keyFile) {
        PosixFileAttributeView view = Files.getFileAttributeView(keyFile, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> perms = view.readAttributes().permissions();
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.log(System.Logger.Level.WARNING, "till key file {0} was accessible to others ({1}); restricting it to the owner",
                        keyFile, PosixFilePermissions.toString(perms));
                view.setPermissions(OWNER_ONLY);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot check permissions of till key file {0}: {1}", keyFile, e.getMessage());
        }
    }

    private static String require(Properties p, String name, Path file) {
        String v = p.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("till key file " + file + " has no " + name);
        }
        return v.strip();
    }

    /** Key id: first 16 hex characters of SHA-256 over the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Ed25519 signature of {@code data} (64 bytes, RFC 8032 pure Ed25519), by BouncyCastle's implementation: the same
     * bytes the JDK provider gives (Ed25519 is deterministic), at ~15 times its rate.
     */
    public byte[] sign(byte[] data) {
        return signer.sign(data);
    }

    @Override
    public String toString() {
        return "TillKeys[keyId=" + keyId + "]";
    }
}
