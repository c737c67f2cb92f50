package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.qr.IssuingKeyFile;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cardreader.qr.QrKeys;
import org.yishi.cardreader.qr.QrTokenIssuer;
import org.yishi.config.registry.QrTestRegistry;
import org.yishi.till.cli.YishiCommandTest.Run;

/** The till's {@code qr verify}: codes issued with a key from {@code IssuingKeyFile}, as the administrator's {@code qr issue} does. */
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
        // What the administrator's `qr keygen` writes (module admin); the till gets the .pub line.
        IssuingKeyFile.Written keys = IssuingKeyFile.generate(keyDir, "k2026");
        privateKey = keys.privateKeyFile();
        trusted = keys.publicKeyFile();
    }

    private PrivateKey privateKey() throws Exception {
        return IssuingKeyFile.read(privateKey).key();
    }

    /** A PNG of a code for the elder's card, as the administrator's {@code qr issue} prints it. */
    private Path issuedPng(String elder, String cardUid) throws Exception {
        Path png = dir.resolve(elder + ".png");
        QrImages.write(new QrTokenIssuer(privateKey(), "k2026", Clock.systemUTC()).issue(elder, cardUid, Duration.ofDays(365)),
                png, 400);
        return png;
    }

    private Run verifyPayload(String token, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--lang", "en", "qr", "verify", "--payload", token,
                "--keys", trusted.toString()));
        args.addAll(List.of(more));
        return YishiCommandTest.run(args.toArray(String[]::new));
    }

    // --- issue and verify

    @Test
    void aPngOfAnIssuedCodeVerifiesToTheElderAndCardWithTheNameMasked() throws Exception {
        Path png = issuedPng(QrTestRegistry.ACTIVE, QrTestRegistry.ACTIVE_CARD);

        Run verified = YishiCommandTest.run("--lang", "en", "qr", "verify", png.toString(), "--keys", trusted.toString(),
                "--registry", registry.toString());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).startsWith("ACCEPTED: elder E000123 张*华, card …E5F6, valid until ")
                .contains("key k2026").doesNotContain(QrTestRegistry.ACTIVE_CARD);
    }

    @Test
    void verifyInChineseByDefaultAndWithoutRegistrySaysStatusWasNotChecked() throws Exception {
        Path png = issuedPng(QrTestRegistry.ACTIVE, QrTestRegistry.ACTIVE_CARD);

        Run r = YishiCommandTest.run("qr", "verify", png.toString(), "--keys", trusted.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("通过：长者 E000123，卡 …E5F6").contains("未核对卡状态");
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
        IssuingKeyFile.generate(keyDir, "k2027");
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
