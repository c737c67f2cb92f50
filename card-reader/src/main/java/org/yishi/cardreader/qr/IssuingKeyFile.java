package org.yishi.cardreader.qr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The QR issuing key on disk. The private key file is PEM (PKCS#8, base64 text, readable by
 * {@code openssl pkey}) preceded by a {@code key-id=} line, created owner-only (600) and never overwritten; the
 * public key file is the one line tills are configured with: {@code keyId=base64 X.509 key}.
 *
 * <p>The private key belongs on the settlement server or the administrator's machine that prints cards, never on
 * a till: whoever holds it can mint tokens for any elder.
 *
 * <p>The file format lives here, beside the token format, rather than with the administrator's {@code qr keygen}
 * (module admin) because the stand-alone demo till makes and uses a demo key of its own to show QR codes; a real
 * till is given only the public line ({@link TrustedKeysFile}).
 *
 * @param keyId the id tills know the matching public key by, if the file names one
 * @param key   the Ed25519 private key
 */
public record IssuingKeyFile(Optional<String> keyId, PrivateKey key) {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    /** Where keygen wrote the two files. */
    public record Written(Path privateKeyFile, Path publicKeyFile, String publicKeyLine) {
    }

    /** Whether {@code keyId} is a valid issuer key id (1-16 of {@code [A-Za-z0-9_-]}). */
    public static boolean validKeyId(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }

    /**
     * Writes a fresh key pair as {@code qr-issuing-<id>.key} (owner-only) and {@code qr-issuing-<id>.pub} in
     * {@code dir}, creating the directory. Writes nothing if either file exists.
     *
     * @throws FileAlreadyExistsException if a key file of that id is already there
     * @throws IOException                if the directory or files cannot be written
     */
    public static Written generate(Path dir, String keyId) throws IOException {
        if (!validKeyId(keyId)) {
            throw new IllegalArgumentException("key id must be 1-16 of [A-Za-z0-9_-]: \"" + keyId + "\"");
        }
        Files.createDirectories(dir);
        Path privateFile = dir.resolve("qr-issuing-" + keyId + ".key");
        Path publicFile = dir.resolve("qr-issuing-" + keyId + ".pub");
        for (Path existing : List.of(privateFile, publicFile)) {
            if (Files.exists(existing)) {
                throw new FileAlreadyExistsException(existing.toString());
            }
        }
        KeyPair pair = QrKeys.generate();
        String publicLine = keyId + "=" + QrKeys.publicKeyToBase64(pair.getPublic());
        createOwnerOnly(privateFile);
        String pem = "# Yishi elder QR issuing key (Ed25519, PKCS#8). Keep it on the settlement server or the\n"
                + "# administrator's card-printing machine only; tills get the .pub file.\n"
                + "key-id=" + keyId + "\n"
                + BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n" + END + "\n";
        Files.writeString(privateFile, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicFile, "# Yishi elder QR public key: add this line to the tills' trusted QR keys.\n"
                + publicLine + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        return new Written(privateFile, publicFile, publicLine);
    }

    /** Created with its permissions, so there is no moment at which the key is readable by others. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Reads a private key file: PEM ({@code -----BEGIN PRIVATE KEY-----}) or one line of base64 PKCS#8, with an
     * optional {@code key-id=} line; {@code #} lines are comments.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException naming the file and what is wrong, if it is not an Ed25519 private key
     */
    public static IssuingKeyFile read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        Optional<String> keyId = Optional.empty();
        StringBuilder base64 = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.equals(BEGIN) || line.equals(END)) {
                continue;
            }
            if (line.startsWith("key-id=")) {
                String id = line.substring("key-id=".length()).strip();
                if (!validKeyId(id)) {
                    throw new IllegalArgumentException(file + ": key-id must be 1-16 of [A-Za-z0-9_-]: \"" + id + "\"");
                }
                keyId = Optional.of(id);
            } else if (line.startsWith("-----")) {
                throw new IllegalArgumentException(file + ": not a PKCS#8 private key (" + line + ")");
            } else {
                base64.append(line);
            }
        }
        if (base64.isEmpty()) {
            throw new IllegalArgumentException(file + ": no key in the file");
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new IssuingKeyFile(keyId, key);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a base64 PKCS#8 Ed25519 private key (" + e.getMessage()
                    + ")", e);
        }
    }

    /** Whether others than the owner may read the file (a warning, not an error: some file systems cannot say). */
    public static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
    }
}
