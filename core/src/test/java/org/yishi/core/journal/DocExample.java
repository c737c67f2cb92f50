package org.yishi.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The worked example of docs/journal-format.md: a three-record journal signed with the RFC 8032 test-vector-1 key
 * (public, so anyone can reproduce the signatures), at fixed times. Ed25519 is deterministic, so these bytes are
 * always the same.
 */
final class DocExample {

    /** RFC 8032 section 7.1, TEST 1: secret key (seed). NEVER a real till key: it is published. */
    static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    static final String X509_PREFIX = "302a300506032b6570032100";

    private DocExample() {
    }

    static TillKeys rfc8032Keys(Path dir) {
        java.util.HexFormat hex = java.util.HexFormat.of();
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String pub = b64.encodeToString(hex.parseHex(X509_PREFIX + RFC8032_PUBLIC));
        String keyId = JournalFormat.keyIdOf(hex.parseHex(X509_PREFIX + RFC8032_PUBLIC));
        Path file = dir.resolve("rfc8032.key");
        if (Files.exists(file)) {
            return TillKeys.load(file);
        }
        try {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, "format=yishi-till-key/1\nalgorithm=Ed25519\nkeyId=" + keyId + "\npublicKey=" + pub
                    + "\nprivateKey=" + b64.encodeToString(hex.parseHex(PKCS8_PREFIX + RFC8032_SEED)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TillKeys.load(file);
    }

    static List<String> write(Path dir) {
        TillKeys keys = rfc8032Keys(dir);
        Path file = dir.resolve("example.log");
        SteppingClock clock = new SteppingClock(Instant.parse("2025-03-03T03:29:00Z"), Duration.ofSeconds(62).plusMillis(250));
        try (JournalWriter w = JournalWriter.open(file, keys, "GZ-ZC-001", clock)) {
            w.append(new ShiftOpenPayload(1, "cashier-li", 20000));
            w.append(SampleJournal.zengchengSale("R-0001", 1, "E1001", IdentificationMethod.CARD, "7F3A", null, "cash", false));
        }
        return SampleJournal.lines(file);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("doc-example");
        for (String line : write(dir)) {
            System.out.println(line);
            System.out.println("hash " + JournalReader.parseLine(line).hash());
        }
    }
}
