package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TillKeysTest {

    @TempDir
    Path dir;

    @Test
    void createsAnOwnerOnlyKeyFileAndLoadsTheSameKeyBack() throws IOException {
        Path file = dir.resolve("keys/till.key");
        TillKeys created = TillKeys.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        TillKeys loaded = TillKeys.loadOrCreate(file);
        assertThat(loaded.keyId()).isEqualTo(created.keyId());
        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        byte[] data = "午餐".getBytes(StandardCharsets.UTF_8);
        assertThat(JournalFormat.verifySignature(created.publicKey(), data, loaded.sign(data))).isTrue();
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void keyIdIsTheFirst16HexOfSha256OverTheX509Encoding() {
        TillKeys keys = TillKeys.generate();
        assertThat(keys.keyId()).hasSize(16).matches("[0-9a-f]{16}")
                .isEqualTo(JournalFormat.sha256Hex(keys.publicKey().getEncoded()).substring(0, 16));
        assertThat(keys.publicKey().getEncoded()).hasSize(44); // 12-byte SPKI prefix + 32-byte Ed25519 key
    }

    @Test
    void signaturesAreDeterministicEd25519() {
        TillKeys keys = TillKeys.generate();
        byte[] data = {1, 2, 3};
        assertThat(keys.sign(data)).hasSize(64).isEqualTo(keys.sign(data));
    }

    @Test
    void neverRevealsThePrivateKey() throws IOException {
        Path file = dir.resolve("till.key");
        TillKeys keys = TillKeys.loadOrCreate(file);
        String privateKey = Files.readAllLines(file).stream().filter(l -> l.startsWith("privateKey=")).findFirst().orElseThrow().substring(11);
        assertThat(keys.toString()).contains(keys.keyId()).doesNotContain(privateKey);
    }

    @Test
    void neverOverwritesAnExistingFile() {
        Path file = dir.resolve("till.key");
        TillKeys first = TillKeys.loadOrCreate(file);
        assertThatThrownBy(() -> TillKeys.generate().save(file)).hasMessageContaining("never overwritten");
        assertThat(TillKeys.load(file).keyId()).isEqualTo(first.keyId());
    }

    @Test
    void tightensAKeyFileOthersCouldRead() throws IOException {
        Path file = dir.resolve("till.key");
        TillKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        TillKeys.load(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void damagedKeyFilesAreRefusedWithoutQuotingKeyMaterial() throws IOException {
        Path file = dir.resolve("till.key");
        TillKeys.loadOrCreate(file);
        String text = Files.readString(file);

        Files.writeString(file, text.replaceAll("keyId=[0-9a-f]+", "keyId=0000000000000000"));
        assertThatThrownBy(() -> TillKeys.load(file)).hasMessageContaining("does not match its public key");

        String otherPublic = "publicKey=" + Base64.getEncoder().encodeToString(TillKeys.generate().publicKey().getEncoded());
        Files.writeString(file, text.replaceAll("publicKey=\\S+", otherPublic));
        assertThatThrownBy(() -> TillKeys.load(file)).hasMessageContaining("keyId");

        Files.writeString(file, text.replaceAll("privateKey=\\S+", "privateKey=AAAA"));
        assertThatThrownBy(() -> TillKeys.load(file)).hasMessageContaining("unreadable key").hasMessageNotContaining("AAAA");

        Files.writeString(file, "format=something-else\n");
        assertThatThrownBy(() -> TillKeys.loadOrCreate(file)).hasMessageContaining("is not a yishi-till-key/1");
        assertThat(Files.readString(file)).isEqualTo("format=something-else\n");
    }

    @Test
    void mismatchedPairIsRefused() throws IOException {
        Path file = dir.resolve("till.key");
        TillKeys.loadOrCreate(file);
        TillKeys other = TillKeys.generate();
        String text = Files.readString(file)
                .replaceAll("publicKey=\\S+", "publicKey=" + JournalFormat.encodePublicKey(other.publicKey()))
                .replaceAll("keyId=\\S+", "keyId=" + other.keyId());
        Files.writeString(file, text);
        assertThatThrownBy(() -> TillKeys.load(file)).hasMessageContaining("do not belong together");
    }
}
