package org.yishi.admin.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.admin.AdminCommandRunner;
import org.yishi.admin.AdminCommandRunner.Run;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.cardreader.qr.QrVerdict;
import org.yishi.cardreader.qr.TrustedKeysFile;
import org.yishi.config.registry.QrTestRegistry;
import org.yishi.config.registry.RegistryDirectory;

/** The administrator's {@code qr keygen} and {@code qr issue}; what they make is checked as a till checks it. */
class QrCommandTest {

    @TempDir
    Path dir;

    private Path registry;
    private Path keyDir;
    private Path privateKey;
    private Path trusted;

    @BeforeEach
    void keysAndRegistry() throws Exception {
        registry = QrTestRegistry.write(dir.resolve("registry"));
        keyDir = dir.resolve("keys");
        Run keygen = AdminCommandRunner.run("qr", "keygen", "--out", keyDir.toString(), "--key-id", "k2026");
        assertThat(keygen.status()).as(keygen.err()).isZero();
        privateKey = keyDir.resolve("qr-issuing-k2026.key");
        trusted = keyDir.resolve("qr-issuing-k2026.pub");
    }

    /** What a till with the registry makes of a scanned code ({@code qr verify} is the till's). */
    private QrVerdict verified(Path png) throws Exception {
        return new QrTokenVerifier(TrustedKeysFile.read(trusted), Clock.systemUTC(), Duration.ofMinutes(2),
                new RegistryDirectory(registry)::find).verify(QrImages.decode(png).orElseThrow());
    }

    /** {@code qr issue} in English with this test's key and registry unless {@code more} gives its own. */
    private Run issue(String elder, String... more) {
        List<String> extra = List.of(more);
        List<String> args = new java.util.ArrayList<>(List.of("--lang", "en", "qr", "issue", "--elder", elder,
                "--out", dir.resolve(elder + ".png").toString()));
        if (!extra.contains("--key")) {
            args.addAll(List.of("--key", privateKey.toString()));
        }
        if (!extra.contains("--registry")) {
            args.addAll(List.of("--registry", registry.toString()));
        }
        args.addAll(extra);
        return AdminCommandRunner.run(args.toArray(String[]::new));
    }

    // --- keygen

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndTheTillsPublicKeyLineButNeverPrintsThePrivateKey() throws Exception {
        Path other = dir.resolve("other");
        Run r = AdminCommandRunner.run("qr", "keygen", "--out", other.toString(), "--key-id", "k2027");

        assertThat(r.status()).isZero();
        Path key = other.resolve("qr-issuing-k2027.key");
        Path pub = other.resolve("qr-issuing-k2027.pub");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String pem = Files.readString(key);
        assertThat(pem).contains("key-id=k2027", "-----BEGIN PRIVATE KEY-----");
        String privateBase64 = pem.lines().filter(l -> !l.startsWith("#") && !l.startsWith("-----") && !l.startsWith("key-id"))
                .reduce("", String::concat);
        assertThat(r.out() + r.err()).doesNotContain(privateBase64).contains("结算服务器");
        String publicLine = Files.readAllLines(pub).stream().filter(l -> l.startsWith("k2027=")).findFirst().orElseThrow();
        assertThat(r.out()).contains(publicLine);
        // The .pub line is the form tills configure: it parses back to the pair's public key.
        assertThat(QrKeys.publicKeyFromBase64(publicLine.substring("k2027=".length())).getAlgorithm())
                .isIn("Ed25519", "EdDSA");
    }

    @Test
    void keygenRefusesToOverwriteAKeyAndLeavesItUntouched() throws Exception {
        String before = Files.readString(privateKey);

        Run r = AdminCommandRunner.run("--lang", "en", "qr", "keygen", "--out", keyDir.toString(), "--key-id", "k2026");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("Refusing to overwrite", "qr-issuing-k2026");
        assertThat(Files.readString(privateKey)).isEqualTo(before);
    }

    @Test
    void keygenRefusesABadKeyIdAndNeedsOut() {
        Run bad = AdminCommandRunner.run("--lang", "en", "qr", "keygen", "--out", dir.toString(), "--key-id", "key 1");
        Run missing = AdminCommandRunner.run("qr", "keygen");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("\"key 1\" is not valid");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--out");
    }

    // --- issue and verify

    @Test
    void issueWritesAPngWhoseCodeVerifiesToTheElderAndCard() throws Exception {
        Run issued = issue(QrTestRegistry.ACTIVE);

        assertThat(issued.status()).as(issued.err()).isZero();
        assertThat(issued.out()).contains("elder E000123 张*华", "card …E5F6").doesNotContain(QrTestRegistry.ACTIVE_NAME);
        QrVerdict verdict = verified(dir.resolve(QrTestRegistry.ACTIVE + ".png"));
        assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
        QrVerdict.Accepted accepted = (QrVerdict.Accepted) verdict;
        assertThat(accepted.elderId()).contains(QrTestRegistry.ACTIVE);
        assertThat(accepted.cardUid()).contains(QrTestRegistry.ACTIVE_CARD);
        assertThat(accepted.keyId()).isEqualTo("k2026");
        assertThat(accepted.expiresAt().minus(Duration.ofDays(365))).isBetween(Instant.now().minusSeconds(120), Instant.now());
    }

    @Test
    void issueInChineseByDefault() {
        Run issued = AdminCommandRunner.run("qr", "issue", "--elder", QrTestRegistry.ACTIVE, "--out",
                dir.resolve("zh.png").toString(), "--key", privateKey.toString(), "--registry", registry.toString());

        assertThat(issued.status()).as(issued.err()).isZero();
        assertThat(issued.out()).startsWith("二维码已写入").contains("张*华");
    }

    @Test
    void issueRefusesAnUnknownElder() {
        Run r = issue("E999999");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("No elder E999999 in the registry");
        assertThat(dir.resolve("E999999.png")).doesNotExist();
    }

    @Test
    void issueRefusesADeceasedElder() {
        Run r = issue(QrTestRegistry.DECEASED);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("E000200 is recorded as deceased (since 2026-09-01)");
    }

    @Test
    void issueRefusesAnElderWithoutAnActiveCardAndSaysWhatCardsThereAre() {
        Run lost = issue(QrTestRegistry.ONLY_LOST_CARD);
        Run none = issue(QrTestRegistry.NO_CARD);

        assertThat(lost.status()).isEqualTo(1);
        assertThat(lost.err()).contains("E000300 has no active card (…0003 lost)");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("E000400 has no active card (no cards)");
    }

    @Test
    void issueWithSeveralActiveCardsNeedsCardAndThenBindsThatOne() throws Exception {
        Run ambiguous = issue(QrTestRegistry.TWO_CARDS);
        Run chosen = issue(QrTestRegistry.TWO_CARDS, "--card", "04e1000000000b");
        Run foreign = issue(QrTestRegistry.TWO_CARDS, "--card", QrTestRegistry.OTHER_CARD);

        assertThat(ambiguous.status()).isEqualTo(1);
        assertThat(ambiguous.err()).contains("several active cards (…000A active, …000B active)", "--card");
        assertThat(chosen.status()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("card …000B");
        assertThat(foreign.status()).isEqualTo(1);
        assertThat(foreign.err()).contains("is not one of elder E000500's cards");
    }

    @Test
    void issueRefusesAnUnreadableOrWrongKey() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "key-id=k1\nnot base64 at all!\n");
        Path publicAsPrivate = trusted;

        Run missing = issue(QrTestRegistry.ACTIVE, "--key", dir.resolve("nope.key").toString());
        Run bad = issue(QrTestRegistry.ACTIVE, "--key", garbage.toString());
        Run wrongKind = issue(QrTestRegistry.ACTIVE, "--key", publicAsPrivate.toString());
        Run conflict = issue(QrTestRegistry.ACTIVE, "--key-id", "k2099");

        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("Cannot use the issuing key", "nope.key");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("garbage.key", "not a base64 PKCS#8 Ed25519 private key");
        assertThat(wrongKind.status()).isEqualTo(1);
        assertThat(wrongKind.err()).contains("Cannot use the issuing key");
        assertThat(conflict.status()).isEqualTo(1);
        assertThat(conflict.err()).contains("--key-id k2099 differs from the key id k2026");
    }

    @Test
    void aKeyWithoutIdNeedsKeyIdAndAnExposedKeyIsWarnedAbout() throws Exception {
        String pem = Files.readString(privateKey).replace("key-id=k2026\n", "");
        Path noId = Files.writeString(dir.resolve("noid.key"), pem);
        Files.setPosixFilePermissions(noId, PosixFilePermissions.fromString("rw-r--r--"));

        Run without = issue(QrTestRegistry.ACTIVE, "--key", noId.toString());
        Run with = issue(QrTestRegistry.ACTIVE, "--key", noId.toString(), "--key-id", "k2026");

        assertThat(without.status()).isEqualTo(1);
        assertThat(without.err()).contains("records no key id");
        assertThat(with.status()).as(with.err()).isZero();
        assertThat(with.err()).contains("can be read by other users");
    }

    @Test
    void issueRefusesAMissingRegistryAndBadDays() {
        Run noRegistry = issue(QrTestRegistry.ACTIVE, "--registry", dir.resolve("nowhere").toString());
        Run days = issue(QrTestRegistry.ACTIVE, "--days", "0");

        assertThat(noRegistry.status()).isEqualTo(1);
        assertThat(noRegistry.err()).contains("No registry at", "elders.csv is missing");
        assertThat(days.status()).isEqualTo(1);
        assertThat(days.err()).contains("--days must be 1 to 3650, not 0");
    }
}
