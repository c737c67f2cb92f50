package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyHistoryTest {

    @TempDir
    Path dir;

    private final TillKeys first = TillKeys.generate();
    private final TillKeys second = TillKeys.generate();

    @Test
    void aRotationGoesNextThenCurrentAndTheFileReadsBack() {
        KeyHistory started = KeyHistory.startingWith(first.publicKey());
        KeyHistory rotating = started.withNext(second.publicKey());
        KeyHistory rotated = rotating.promoteNext();

        assertThat(rotating.next()).map(KeyHistory.Entry::keyId).contains(second.keyId());
        assertThat(rotated.entries()).extracting(KeyHistory.Entry::status)
                .containsExactly(KeyHistory.Status.RETIRED, KeyHistory.Status.CURRENT);
        assertThat(rotated.first()).isEqualTo(first.publicKey());
        assertThat(rotating.withoutNext()).isEqualTo(started);
        assertThatThrownBy(() -> rotating.withNext(TillKeys.generate().publicKey())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theFileIsWhereTillKeyFilesSaysAndReadsBackEqual() throws Exception {
        KeyHistory history = KeyHistory.startingWith(first.publicKey()).withNext(second.publicKey()).promoteNext();
        TillKeyFiles keys = TillKeyFiles.of(dir);
        Files.createDirectories(keys.dir());
        Files.writeString(keys.history(), history.text(), StandardCharsets.US_ASCII);

        assertThat(keys.history()).isEqualTo(dir.resolve("keys").resolve("till-ed25519.history"));
        assertThat(keys.signingKey()).isEqualTo(dir.resolve("keys").resolve("till-ed25519.key"));
        assertThat(KeyHistory.read(keys.history())).isEqualTo(history);
        assertThat(KeyHistory.readIfPresent(dir.resolve("none"))).isEmpty();
    }

    @Test
    void aJournalFitsOnlyIfItUsedTheKeysInOrderUpToTheCurrentOne() {
        KeyHistory history = KeyHistory.startingWith(first.publicKey()).withNext(second.publicKey()).promoteNext();

        assertThat(history.fit(List.of(first.keyId(), second.keyId()))).isEqualTo(new KeyHistory.Fit.Fits());
        assertThat(history.fit(List.of(first.keyId()))).isEqualTo(new KeyHistory.Fit.CutOff(first.keyId(), second.keyId()));
        assertThat(history.fit(List.of(second.keyId()))).isInstanceOf(KeyHistory.Fit.Differs.class);
    }

    @Test
    void aDamagedFileIsRefusedNamingFileAndLine() throws Exception {
        Path file = dir.resolve("h");
        Files.writeString(file, "yishi-till-key-history/1\n" + first.keyId() + " " + JournalFormat.encodePublicKey(second.publicKey())
                + " current\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> KeyHistory.read(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2").hasMessageContaining("does not belong to its public key");
    }
}
