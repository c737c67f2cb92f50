package org.yishi.cardreader.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A till with a camera sees photos, not clean PNGs: the card held at a slant, far away, out of focus, through JPEG
 * compression, somewhere in a noisy frame, or on a phone screen in a dark room. Each case is a distortion a
 * counter camera really produces, applied to a card-sized QR of a real token; the token must come back exactly
 * and verify.
 */
class QrImagesCameraTest {

    private static final Instant NOON = Instant.parse("2026-11-23T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOON, ZoneId.of("Asia/Shanghai"));
    private static final KeyPair KEYS = fixedKeys();
    /**
     * Whether a distorted code still reads depends on its module pattern, so each case runs over several tokens,
     * and the key is fixed (Ed25519 signatures are deterministic) so a failure reproduces.
     */
    private static final List<String> TOKENS = IntStream.rangeClosed(1, 4)
            .mapToObj(n -> new QrTokenIssuer(KEYS.getPrivate(), "k2026", CLOCK)
                    .issue("E00012" + n, "04A1B2C3D4E5F" + n, Duration.ofDays(365)))
            .toList();

    private static KeyPair fixedKeys() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(20261123L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, seeded);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> photos() {
        return Stream.of(
                Arguments.of("rotated 10 degrees", (UnaryOperator<BufferedImage>) i -> rotate(i, 10)),
                Arguments.of("rotated -12 degrees", (UnaryOperator<BufferedImage>) i -> rotate(i, -12)),
                // The hybrid binarizer alone failed this one; the global-histogram attempt reads it.
                Arguments.of("rotated 45 degrees", (UnaryOperator<BufferedImage>) i -> rotate(i, 45)),
                Arguments.of("scaled down to 45%", (UnaryOperator<BufferedImage>) i -> scale(i, 0.45)),
                Arguments.of("blurred (5x5 box)", (UnaryOperator<BufferedImage>) i -> blur(i, 5)),
                Arguments.of("JPEG quality 0.25", (UnaryOperator<BufferedImage>) i -> jpeg(i, 0.25f)),
                Arguments.of("off-centre in a noisy 1280x720 frame",
                        (UnaryOperator<BufferedImage>) i -> inNoisyFrame(i, 1280, 720, 840, 330, 40)),
                // Both binarizers failed this at full size; the half-size retry reads it.
                Arguments.of("off-centre in a very grainy 1280x720 frame",
                        (UnaryOperator<BufferedImage>) i -> inNoisyFrame(i, 1280, 720, 840, 330, 110)),
                Arguments.of("off-centre in a noisy 3264x2448 photo (large frame)",
                        (UnaryOperator<BufferedImage>) i -> inNoisyFrame(scale(i, 2.0), 3264, 2448, 2300, 300, 40)),
                Arguments.of("off-centre in a very grainy 3264x2448 photo",
                        (UnaryOperator<BufferedImage>) i -> inNoisyFrame(scale(i, 2.0), 3264, 2448, 2300, 300, 100)),
                Arguments.of("phone screen on a dark background, uneven glare",
                        (UnaryOperator<BufferedImage>) QrImagesCameraTest::phoneScreen),
                // Only the inverted attempt reads this.
                Arguments.of("phone in dark mode (light modules on black)",
                        (UnaryOperator<BufferedImage>) QrImagesCameraTest::inverted),
                // Without the double-size retry about one token in three failed this.
                Arguments.of("all at once: small, rotated, blurred, noisy frame, JPEG",
                        (UnaryOperator<BufferedImage>) i -> jpeg(inNoisyFrame(blur(rotate(scale(i, 0.7), 8), 3),
                                1280, 720, 150, 400, 30), 0.5f)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("photos")
    void aTokenSurvivesPhotoLikeDistortion(String name, UnaryOperator<BufferedImage> distortion) {
        QrTokenVerifier verifier = new QrTokenVerifier(Map.of("k2026", KEYS.getPublic()), CLOCK, Duration.ZERO,
                CardStatusLookup.none());
        for (String token : TOKENS) {
            BufferedImage photo = distortion.apply(QrImages.render(token, 300));

            Optional<String> read = QrImages.decode(photo);

            assertThat(read).as(name + ", token " + TOKENS.indexOf(token)).contains(token);
            assertThat(verifier.verify(read.orElseThrow()).accepted()).isTrue();
        }
    }

    private static BufferedImage rgb(int width, int height, Color fill) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(fill);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    static BufferedImage rotate(BufferedImage source, double degrees) {
        int side = (int) Math.ceil(Math.hypot(source.getWidth(), source.getHeight()));
        BufferedImage out = rgb(side, side, Color.WHITE);
        Graphics2D g = smooth(out);
        AffineTransform t = new AffineTransform();
        t.rotate(Math.toRadians(degrees), side / 2.0, side / 2.0);
        t.translate((side - source.getWidth()) / 2.0, (side - source.getHeight()) / 2.0);
        g.drawImage(source, t, null);
        g.dispose();
        return out;
    }

    static BufferedImage scale(BufferedImage source, double factor) {
        int w = (int) Math.round(source.getWidth() * factor);
        int h = (int) Math.round(source.getHeight() * factor);
        BufferedImage out = rgb(w, h, Color.WHITE);
        Graphics2D g = smooth(out);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage blur(BufferedImage source, int size) {
        float[] kernel = new float[size * size];
        java.util.Arrays.fill(kernel, 1f / kernel.length);
        // Pad first so the edge pixels are blurred against white rather than dropped.
        BufferedImage padded = rgb(source.getWidth() + 2 * size, source.getHeight() + 2 * size, Color.WHITE);
        Graphics2D g = padded.createGraphics();
        g.drawImage(source, size, size, null);
        g.dispose();
        return new ConvolveOp(new Kernel(size, size, kernel), ConvolveOp.EDGE_NO_OP, null).filter(padded, null);
    }

    static BufferedImage jpeg(BufferedImage source, float quality) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(source, null, null), param);
            }
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A grey, grainy scene (seeded, so a failure reproduces) with the code pasted at (x, y). */
    static BufferedImage inNoisyFrame(BufferedImage source, int width, int height, int x, int y, int noise) {
        Random random = new Random(42);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                // A gently lit table: brighter towards the top left, with sensor grain.
                int base = 120 + (int) (60.0 * (width - col) / width * (height - row) / height);
                frame.setRGB(col, row, grey(base + (int) (random.nextGaussian() * noise)));
            }
        }
        Graphics2D g = frame.createGraphics();
        g.drawImage(source, x, y, null);
        g.dispose();
        for (int row = y; row < Math.min(height, y + source.getHeight()); row++) {
            for (int col = x; col < Math.min(width, x + source.getWidth()); col++) {
                int v = frame.getRGB(col, row) & 0xFF;
                frame.setRGB(col, row, grey(v + (int) (random.nextGaussian() * noise / 2)));
            }
        }
        return frame;
    }

    /**
     * A phone held up in a dim canteen: near-black surroundings, the screen not pure white (about 200) with a glare
     * gradient, its dark modules not pure black (about 45), and the screen smaller than the frame.
     */
    static BufferedImage phoneScreen(BufferedImage source) {
        BufferedImage frame = rgb(960, 720, new Color(18, 18, 22));
        Graphics2D g = smooth(frame);
        g.setColor(new Color(40, 40, 44));
        g.fillRoundRect(300, 120, 330, 520, 40, 40);
        BufferedImage screen = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < source.getHeight(); row++) {
            for (int col = 0; col < source.getWidth(); col++) {
                boolean dark = (source.getRGB(col, row) & 0xFF) < 128;
                screen.setRGB(col, row, grey(dark ? 45 : 200));
            }
        }
        g.drawImage(screen, 315, 230, null);
        g.setPaint(new GradientPaint(315, 230, new Color(255, 255, 255, 70), 615, 530, new Color(255, 255, 255, 0)));
        g.fillRect(315, 230, 300, 300);
        g.dispose();
        return frame;
    }

    static BufferedImage inverted(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth() + 80, source.getHeight() + 80,
                BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < out.getHeight(); row++) {
            for (int col = 0; col < out.getWidth(); col++) {
                int sx = col - 40;
                int sy = row - 40;
                boolean inside = sx >= 0 && sy >= 0 && sx < source.getWidth() && sy < source.getHeight();
                int v = inside ? source.getRGB(sx, sy) & 0xFF : 255;
                out.setRGB(col, row, grey(v < 128 ? 230 : 10));
            }
        }
        return out;
    }

    private static int grey(int value) {
        int v = Math.max(0, Math.min(255, value));
        return (v << 16) | (v << 8) | v;
    }
}
