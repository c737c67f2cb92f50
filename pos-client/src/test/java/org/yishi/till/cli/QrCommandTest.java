package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.till.cli.YishiCommandTest.Run;
import org.yishi.till.qr.IssuingKeyFile;

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
        Run keygen = YishiCommandTest.run("qr", "keygen", "--out", keyDir.toString(), "--key-id", "k2026");
        assertThat(keygen.status()).as(keygen.err()).isZero();
        privateKey = keyDir.resolve("qr-issuing-k2026.key");
        trusted = keyDir.resolve("qr-issuing-k2026.pub");
    }

    private PrivateKey privateKey() throws Exception {
        return IssuingKeyFile.read(privateKey).key();
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
        return YishiCommandTest.run(args.toArray(String[]::new));
    }

    private Run verifyPayload(String token, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--lang", "en", "qr", "verify", "--payload", token,
                "--keys", trusted.toString()));
        args.addAll(List.of(more));
        return YishiCommandTest.run(args.toArray(String[]::new));
    }

    // --- keygen

    @Test
    void keygenWritesAnOwnerOnlyPrivateKeyAndTheTillsPublicKeyLineButNeverPrintsThePrivateKey() throws Exception {
        Path other = dir.resolve("other");
        Run r = YishiCommandTest.run("qr", "keygen", "--out", other.toString(), "--key-id", "k2027");

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

        Run r = YishiCommandTest.run("--lang", "en", "qr", "keygen", "--out", keyDir.toString(), "--key-id", "k2026");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("Refusing to overwrite", "qr-issuing-k2026");
        assertThat(Files.readString(privateKey)).isEqualTo(before);
    }

    @Test
    void keygenRefusesABadKeyIdAndNeedsOut() {
        Run bad = YishiCommandTest.run("--lang", "en", "qr", "keygen", "--out", dir.toString(), "--key-id", "key 1");
        Run missing = YishiCommandTest.run("qr", "keygen");

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
        Path png = dir.resolve(QrTestRegistry.ACTIVE + ".png");
        Run verified = YishiCommandTest.run("--lang", "en", "qr", "verify", png.toString(), "--keys", trusted.toString(),
                "--registry", registry.toString());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).startsWith("ACCEPTED: elder E000123 张*华, card …E5F6, valid until ")
                .contains("key k2026").doesNotContain(QrTestRegistry.ACTIVE_CARD);
    }

    @Test
    void verifyInChineseByDefaultAndWithoutRegistrySaysStatusWasNotChecked() {
        assertThat(issue(QrTestRegistry.ACTIVE).status()).isZero();

        Run r = YishiCommandTest.run("qr", "verify", dir.resolve(QrTestRegistry.ACTIVE + ".png").toString(),
                "--keys", trusted.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("通过：长者 E000123，卡 …E5F6").contains("未核对卡状态");
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

    @Test
    void verifyRefusesATokenOfACardReportedLostWhenGivenTheRegistry() throws Exception {
        QrTokenIssuer issuer = new QrTokenIssuer(privateKey(), "k2026", Clock.systemUTC());
        String token = issuer.issue(QrTestRegistry.ONLY_LOST_CARD, QrTestRegistry.LOST_CARD, Duration.ofDays(30));

        Run without = verifyPayload(token);
        Run with = verifyPayload(token, "--registry", registry.toString());

        assertThat(without.status()).isZero();
        assertThat(with.status()).isEqualTo(1);
        assertThat(with.out()).startsWith("REFUSED (CARD_LOST): The card this QR code belongs to was reported lost.");
    }

    @Test
    void verifyRefusesATokenWhoseCardTheRegistryGivesToAnotherElder() throws Exception {
        QrTokenIssuer issuer = new QrTokenIssuer(privateKey(), "k2026", Clock.systemUTC());
        String token = issuer.issue(QrTestRegistry.ACTIVE, QrTestRegistry.OTHER_CARD, Duration.ofDays(30));

        Run r = YishiCommandTest.run("qr", "verify", "--payload", token, "--keys", trusted.toString(),
                "--registry", registry.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("拒绝（CARD_MISMATCH）：二维码上的长者与登记的持卡人不一致")
                .contains("E000123", "E000600");
    }

    @Test
    void verifyRefusesExpiredUnknownKeyTamperedAndForeignText() throws Exception {
        QrTokenIssuer lastYear = new QrTokenIssuer(privateKey(), "k2026",
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai")));
        String expired = lastYear.issue(QrTestRegistry.ACTIVE, QrTestRegistry.ACTIVE_CARD, Duration.ofDays(30));
        String strangerKey = new QrTokenIssuer(QrKeys.generate().getPrivate(), "k2030", Clock.systemUTC())
                .issue(QrTestRegistry.ACTIVE, "", Duration.ofDays(1));
        String genuine = new QrTokenIssuer(privateKey(), "k2026", Clock.systemUTC())
                .issue(QrTestRegistry.ACTIVE, "", Duration.ofDays(1));
        String forged = new QrTokenIssuer(QrKeys.generate().getPrivate(), "k2026", Clock.systemUTC())
                .issue("E000999", "", Duration.ofDays(1));
        // A genuine payload with another key's signature: same key id, wrong signature.
        String tampered = genuine.substring(0, genuine.lastIndexOf('.')) + forged.substring(forged.lastIndexOf('.'));

        assertThat(verifyPayload(expired).out()).startsWith("REFUSED (EXPIRED)").contains("detail: expired at");
        assertThat(verifyPayload(strangerKey).out()).startsWith("REFUSED (UNKNOWN_KEY)");
        assertThat(verifyPayload(tampered).out()).startsWith("REFUSED (BAD_SIGNATURE)");
        assertThat(verifyPayload("https://example.com/receipt/123").out()).startsWith("REFUSED (WRONG_KIND)");
        assertThat(verifyPayload("YSQ1.AAAA.BBBB").out()).startsWith("REFUSED (MALFORMED)");
        assertThat(verifyPayload(expired).status()).isEqualTo(1);
        assertThat(verifyPayload(genuine).status()).isZero();
    }

    @Test
    void verifyTrustsEveryKeyInTheFileForRotation() throws Exception {
        YishiCommandTest.run("qr", "keygen", "--out", keyDir.toString(), "--key-id", "k2027");
        Path both = dir.resolve("trusted.keys");
        Files.write(both, List.of("# rotation: old and new", Files.readAllLines(trusted).get(1),
                Files.readAllLines(keyDir.resolve("qr-issuing-k2027.pub")).get(1)), StandardCharsets.UTF_8);
        String next = new QrTokenIssuer(IssuingKeyFile.read(keyDir.resolve("qr-issuing-k2027.key")).key(), "k2027",
                Clock.systemUTC()).issue(QrTestRegistry.ACTIVE, "", Duration.ofDays(1));
        String old = new QrTokenIssuer(privateKey(), "k2026", Clock.systemUTC())
                .issue(QrTestRegistry.ACTIVE, "", Duration.ofDays(1));

        Run a = YishiCommandTest.run("qr", "verify", "--payload", next, "--keys", both.toString());
        Run b = YishiCommandTest.run("qr", "verify", "--payload", old, "--keys", both.toString());

        assertThat(a.status()).isZero();
        assertThat(b.status()).isZero();
        assertThat(a.out()).contains("k2027");
    }

    @Test
    void verifyNeedsExactlyOneInputAndReadableKeys() throws Exception {
        Path badKeys = Files.writeString(dir.resolve("bad.keys"), "k1=AAAA\n");
        Path dupKeys = dir.resolve("dup.keys");
        Files.write(dupKeys, List.of(Files.readAllLines(trusted).get(1), Files.readAllLines(trusted).get(1)));

        Run neither = YishiCommandTest.run("--lang", "en", "qr", "verify", "--keys", trusted.toString());
        Run both = YishiCommandTest.run("--lang", "en", "qr", "verify", "x.png", "--payload", "YSQ1", "--keys", trusted.toString());
        Run noKeys = YishiCommandTest.run("qr", "verify", "--payload", "YSQ1");
        Run bad = verifyPayload("YSQ1", "--keys", badKeys.toString());
        Run dup = YishiCommandTest.run("--lang", "en", "qr", "verify", "--payload", "YSQ1", "--keys", dupKeys.toString());
        Run absent = YishiCommandTest.run("--lang", "en", "qr", "verify", "--payload", "YSQ1", "--keys", dir.resolve("none").toString());

        assertThat(List.of(neither, both, noKeys, bad, dup, absent)).extracting(Run::status).containsOnly(2);
        assertThat(neither.err()).contains("exactly one");
        assertThat(both.err()).contains("exactly one");
        assertThat(noKeys.err()).contains("--keys");
        assertThat(dup.err()).contains("dup.keys:2", "appears twice");
        assertThat(absent.err()).contains("Cannot read the trusted keys");
    }

    @Test
    void verifyOfAnImageWithoutACodeExitsOneAndOfANonImageExitsTwo() throws Exception {
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", blank.toFile());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");

        Run none = YishiCommandTest.run("--lang", "en", "qr", "verify", blank.toString(), "--keys", trusted.toString());
        Run notImage = YishiCommandTest.run("--lang", "en", "qr", "verify", text.toString(), "--keys", trusted.toString());

        assertThat(none.status()).isEqualTo(1);
        assertThat(none.out()).contains("NO QR CODE found in");
        assertThat(notImage.status()).isEqualTo(2);
        assertThat(notImage.err()).contains("Cannot read the image");
    }

    @Test
    void aPngWithChineseTextSurvivesTheRoundTripSoTheUtf8HintIsInPlace() throws Exception {
        Path png = dir.resolve("zh.png");
        QrImages.write("长者饭堂 YSQ", png, 300);
        assertThat(QrImages.decode(png)).contains("长者饭堂 YSQ");
    }
}
