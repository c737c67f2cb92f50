package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrImagesTest {

    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    private final KeyPair keys = QrKeys.generate();
    private final QrTokenIssuer issuer = new QrTokenIssuer(keys.getPrivate(), "k2026", CLOCK);
    private final QrTokenVerifier verifier = new QrTokenVerifier(Map.of("k2026", keys.getPublic()), CLOCK,
            Duration.ofMinutes(2), CardStatusLookup.none());

    @Test
    void issueWritePngDecodeAndVerifyRoundTrip() throws IOException {
        String token = issuer.issue("E000123", "04A1B2C3D4E5F6", Duration.ofDays(365));
        Path png = dir.resolve("elder.png");

        QrImages.write(token, png, 300);
        Optional<String> scanned = QrImages.decode(png);

        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(scanned).contains(token);
        QrVerdict verdict = verifier.verify(scanned.orElseThrow());
        assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
        assertThat(((QrVerdict.Accepted) verdict).elderId()).contains("E000123");
    }

    @Test
    void chineseTextSurvivesTheRoundTrip() throws IOException {
        String text = "颐食长者食堂 · 王秀英 · 自付 5.00 元";
        Path png = dir.resolve("chinese.png");

        QrImages.write(text, png, 300);

        assertThat(QrImages.decode(png)).contains(text);
    }

    @Test
    void anElderIdInChineseSurvivesPngAndVerification() throws IOException {
        String token = issuer.issue("长者-0042", "", Duration.ofMinutes(5));
        Path png = dir.resolve("token.png");

        QrImages.write(token, png, 300);
        QrVerdict verdict = verifier.verify(QrImages.decode(png).orElseThrow());

        assertThat(((QrVerdict.Accepted) verdict).elderId()).contains("长者-0042");
    }

    @Test
    void decodesAFrameWhereTheCodeIsSmallAndOffCentreOnAGreyBackground() {
        String token = issuer.issue("E000123", "04A1B2C3D4E5F6", Duration.ofMinutes(5));
        BufferedImage code = QrImages.render(token, 220);
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(120, 120, 120));
        g.fillRect(0, 0, 640, 480);
        g.drawImage(code, 380, 200, null);
        g.dispose();

        assertThat(QrImages.decode(frame)).contains(token);
    }

    @Test
    void anImageWithoutACodeDecodesToNothing() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);

        assertThat(QrImages.decode(blank)).isEmpty();
    }

    @Test
    void aFileThatIsNotAnImageIsAnIoErrorNamingIt() throws IOException {
        Path notImage = Files.writeString(dir.resolve("notes.png"), "not a png");

        assertThatThrownBy(() -> QrImages.decode(notImage)).isInstanceOf(IOException.class)
                .hasMessageContaining("notes.png");
        assertThatThrownBy(() -> QrImages.decode(dir.resolve("missing.png"))).isInstanceOf(IOException.class)
                .hasMessageContaining("missing.png");
    }

    @Test
    void aTypicalTokenFitsAVersion8CodeAtErrorCorrectionM() throws Exception {
        String token = issuer.issue("E000123", "04A1B2C3D4E5F6", Duration.ofDays(365));

        int version = Encoder.encode(token, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                .getVersion().getVersionNumber();

        assertThat(token.length()).isLessThanOrEqualTo(140);
        assertThat(version).isLessThanOrEqualTo(8);
    }
}
