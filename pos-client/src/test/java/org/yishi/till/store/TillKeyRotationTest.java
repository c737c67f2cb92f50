package org.yishi.till.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.KeyHistory;
import org.yishi.core.journal.JournalWriter;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.ShiftOpenPayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.journal.TillKeys;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.testing.TestSales;

/**
 * Rotating a till's key (docs/till-store.md#key-rotation): the new key is saved before the KEY_ROTATION is
 * journalled, the history keeps every public key, the old private key is gone, the till opens with the new key,
 * and a rotation cut short by a crash at any step is finished or undone on the next open.
 */
class TillKeyRotationTest {

    @TempDir
    Path root;
    final ManualClock clock = new ManualClock(Instant.parse("2026-10-12T03:30:00Z"), TillStoreTest.SHANGHAI);

    TillDataDirectory dir() {
        return new TillDataDirectory(root);
    }

    private static String privateKeyLine(Path keyFile) throws IOException {
        return Files.readAllLines(keyFile).stream().filter(l -> l.startsWith("privateKey=")).findFirst().orElseThrow();
    }

    private List<String> filesContaining(String text) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }

    private VerificationReport verifyPinningTheFirstKey() {
        return JournalVerifier.builder().trustKey(KeyHistory.read(dir().keyHistoryFile()).first()).expectTill("T01").build()
                .verify(dir().journalFile("T01"));
    }

    @Test
    void aNewTillStartsItsHistoryWithItsKey() {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            KeyHistory history = store.keyHistory();
            assertThat(history.entries()).hasSize(1);
            assertThat(history.current().keyId()).isEqualTo(TillKeys.load(dir().keyFile()).keyId());
            assertThat(history.current().status()).isEqualTo(KeyHistory.Status.CURRENT);
        }
    }

    @Test
    void aRotatedTillKeepsSellingWithTheNewKeyAndItsJournalVerifiesFromTheFirstKey() throws IOException {
        String oldKeyId;
        String oldPrivate;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.journal().append(TestSales.lunch("R-1", "E1", TillStoreTest.openShift(store)));
            oldKeyId = store.keyHistory().current().keyId();
            oldPrivate = privateKeyLine(dir().keyFile());

            SignedRecord rotation = store.rotateKey("scheduled");

            assertThat(rotation.type()).isEqualTo(RecordType.KEY_ROTATION);
            assertThat(rotation.keyId()).as("signed by the old key").isEqualTo(oldKeyId);
            // The store goes on with the new key at once, without a reopen.
            assertThat(store.journal().append(TestSales.lunch("R-2", "E2", 1)).keyId()).isNotEqualTo(oldKeyId);
        }
        KeyHistory history = KeyHistory.read(dir().keyHistoryFile());
        assertThat(history.entries()).extracting(KeyHistory.Entry::status)
                .containsExactly(KeyHistory.Status.RETIRED, KeyHistory.Status.CURRENT);
        assertThat(history.entries().get(0).keyId()).isEqualTo(oldKeyId);
        assertThat(TillKeys.load(dir().keyFile()).keyId()).isEqualTo(history.current().keyId());
        assertThat(dir().nextKeyFile()).doesNotExist();
        assertThat(filesContaining(oldPrivate.substring("privateKey=".length()))).as("the old private key is kept nowhere").isEmpty();

        try (TillStore reopened = TillStore.open(dir(), "T01", clock)) {
            reopened.journal().append(TestSales.lunch("R-3", "E3", 1));
            assertThat(reopened.openReport().mirror().replayed()).isZero();
        }
        VerificationReport report = verifyPinningTheFirstKey();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.keyIds()).containsExactly(oldKeyId, history.current().keyId());
        assertThat(history.fit(report.keyIds())).isEqualTo(new KeyHistory.Fit.Fits());
    }

    @Test
    void aRotationCutShortBeforeItsKeyRotationWasJournalledIsForgottenOnOpen() throws IOException {
        String keyId;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            keyId = store.keyHistory().current().keyId();
        }
        TillKeyRing ring = new TillKeyRing(dir());
        ring.open(dir().journalFile("T01"));
        TillKeys unused = ring.prepareRotation(); // steps 1 and 2 done, then the power goes
        String unusedPrivate = privateKeyLine(dir().nextKeyFile());
        assertThat(KeyHistory.read(dir().keyHistoryFile()).next()).isPresent();

        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            store.journal().append(new ShiftOpenPayload(1, "C01", 0));
            assertThat(store.keyHistory().entries()).extracting(KeyHistory.Entry::keyId).containsExactly(keyId);
        }
        assertThat(dir().nextKeyFile()).doesNotExist();
        assertThat(filesContaining(unusedPrivate)).as("the unused key is gone").isEmpty();
        assertThat(TillKeys.load(dir().keyFile()).keyId()).isEqualTo(keyId).isNotEqualTo(unused.keyId());
        assertThat(verifyPinningTheFirstKey().ok()).isTrue();
    }

    @Test
    void aRotationJournalledButNotFinishedIsFinishedOnOpen() {
        TillKeys old;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            old = TillKeys.load(dir().keyFile());
        }
        TillKeyRing ring = new TillKeyRing(dir());
        ring.open(dir().journalFile("T01"));
        TillKeys next = ring.prepareRotation();
        try (JournalWriter w = JournalWriter.open(dir().journalFile("T01"), old, "T01", clock)) {
            w.rotateKey(next, "scheduled"); // step 3 done, then the power goes: the key file is still the old one
        }

        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.journal().append(new ShiftOpenPayload(1, "C01", 0)).keyId()).isEqualTo(next.keyId());
            assertThat(store.keyHistory().entries()).extracting(KeyHistory.Entry::keyId).containsExactly(old.keyId(), next.keyId());
            assertThat(store.openReport().mirror().replayed()).as("the KEY_ROTATION written behind the store's back").isEqualTo(1);
        }
        assertThat(TillKeys.load(dir().keyFile()).keyId()).isEqualTo(next.keyId());
        assertThat(dir().nextKeyFile()).doesNotExist();
        assertThat(verifyPinningTheFirstKey().ok()).isTrue();
    }

    @Test
    void aRotationWhoseHistoryWasFinishedButNotItsKeyFileIsFinishedOnOpen() {
        TillKeys old;
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            old = TillKeys.load(dir().keyFile());
        }
        TillKeyRing ring = new TillKeyRing(dir());
        ring.open(dir().journalFile("T01"));
        TillKeys next = ring.prepareRotation();
        try (JournalWriter w = JournalWriter.open(dir().journalFile("T01"), old, "T01", clock)) {
            w.rotateKey(next, "scheduled");
        }
        writeHistory(KeyHistory.read(dir().keyHistoryFile()).promoteNext()); // step 4 half done

        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.journal().append(new ShiftOpenPayload(1, "C01", 0)).keyId()).isEqualTo(next.keyId());
        }
        assertThat(TillKeys.load(dir().keyFile()).keyId()).isEqualTo(next.keyId());
        assertThat(KeyHistory.read(dir().keyHistoryFile()).current().keyId()).isEqualTo(next.keyId());
    }

    @Test
    void aKeyFileReplacedBehindTheTillsBackIsRefused() throws IOException {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.journal().lastSeq()).isEqualTo(1);
        }
        Files.delete(dir().keyFile());
        TillKeys.generate().save(dir().keyFile());
        assertThatThrownBy(() -> TillStore.open(dir(), "T01", clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("replaced behind the till's back");
    }

    @Test
    void theHistoryFileIsStrict() throws IOException {
        try (TillStore store = TillStore.open(dir(), "T01", clock)) {
            assertThat(store.keyHistory().entries()).hasSize(1);
        }
        String text = Files.readString(dir().keyHistoryFile());
        Files.writeString(dir().keyHistoryFile(), text.replace(" current", " retired"));
        assertThatThrownBy(() -> KeyHistory.read(dir().keyHistoryFile())).hasMessageContaining("no key is marked current");
        Files.writeString(dir().keyHistoryFile(), text.replace("current", "current extra"));
        assertThatThrownBy(() -> KeyHistory.read(dir().keyHistoryFile())).hasMessageContaining("line 5");
    }

    @Test
    void aJournalThatEndsBeforeTheLastRotationDoesNotFitTheHistory() {
        KeyHistory history = KeyHistory.startingWith(TillKeys.generate().publicKey()).withNext(TillKeys.generate().publicKey()).promoteNext();
        String first = history.entries().get(0).keyId();
        String second = history.entries().get(1).keyId();
        assertThat(history.fit(List.of(first, second))).isEqualTo(new KeyHistory.Fit.Fits());
        assertThat(history.fit(List.of(first))).isEqualTo(new KeyHistory.Fit.CutOff(first, second));
        assertThat(history.fit(List.of(second))).isEqualTo(new KeyHistory.Fit.Differs(1, second, first));
        assertThat(history.fit(List.of(first, second, "0123456789abcdef"))).isEqualTo(new KeyHistory.Fit.Differs(3, "0123456789abcdef", null));
    }

    private void writeHistory(KeyHistory history) {
        try {
            Files.writeString(dir().keyHistoryFile(), history.text(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
