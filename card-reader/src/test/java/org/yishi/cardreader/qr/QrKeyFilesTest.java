package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuing key file {@code qr keygen} writes and the trusted-keys line a till reads. */
class QrKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedPairIsReadBackAndSignsTokensTheTrustedLineVerifies() throws Exception {
        IssuingKeyFile.Written written = IssuingKeyFile.generate(dir.resolve("keys"), "k2026");

        IssuingKeyFile key = IssuingKeyFile.read(written.privateKeyFile());
        Map<String, PublicKey> trusted = TrustedKeysFile.read(written.publicKeyFile());

        assertThat(key.keyId()).contains("k2026");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.privateKeyFile()))).isEqualTo("rw-------");
        assertThat(IssuingKeyFile.readableByOthers(written.privateKeyFile())).isFalse();
        assertThat(trusted).containsOnlyKeys("k2026");
        String token = new QrTokenIssuer(key.key(), "k2026", Clock.systemUTC()).issue("E1", "04A1B2C3", Duration.ofDays(1));
        assertThat(new QrTokenVerifier(trusted, Clock.systemUTC(), Duration.ofMinutes(2), CardStatusLookup.none()).verify(token))
                .isInstanceOf(QrVerdict.Accepted.class);
    }

    @Test
    void generateNeverOverwritesAKeyAndRefusesABadId() throws Exception {
        IssuingKeyFile.Written first = IssuingKeyFile.generate(dir, "k1");
        String before = Files.readString(first.privateKeyFile());

        assertThatThrownBy(() -> IssuingKeyFile.generate(dir, "k1")).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> IssuingKeyFile.generate(dir, "key 1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(first.privateKeyFile())).isEqualTo(before);
    }

    @Test
    void aPublicKeyOrGarbageIsNotAPrivateKey() throws Exception {
        IssuingKeyFile.Written written = IssuingKeyFile.generate(dir, "k1");
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "key-id=k1\nnot base64 at all!\n");

        assertThatThrownBy(() -> IssuingKeyFile.read(written.publicKeyFile())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IssuingKeyFile.read(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("garbage.key").hasMessageContaining("not a base64 PKCS#8 Ed25519 private key");
    }

    @Test
    void theTrustedKeysFileNamesTheLineOfEachProblem() throws Exception {
        IssuingKeyFile.Written a = IssuingKeyFile.generate(dir, "a");
        String line = Files.readAllLines(a.publicKeyFile()).get(1);
        Path dup = dir.resolve("dup.keys");
        Files.write(dup, List.of("# two the same", line, line), StandardCharsets.UTF_8);
        Path malformed = Files.writeString(dir.resolve("bad.keys"), "no equals sign\n");
        Path empty = Files.writeString(dir.resolve("empty.keys"), "# nothing\n");

        assertThatThrownBy(() -> TrustedKeysFile.read(dup)).hasMessageContaining("dup.keys:3").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> TrustedKeysFile.read(malformed)).hasMessageContaining("bad.keys:1").hasMessageContaining("keyId=base64");
        assertThatThrownBy(() -> TrustedKeysFile.read(empty)).hasMessageContaining("no keys");
    }
}
