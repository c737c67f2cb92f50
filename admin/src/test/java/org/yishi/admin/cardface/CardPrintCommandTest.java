package org.yishi.admin.cardface;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.admin.AdminCommandRunner;
import org.yishi.admin.AdminCommandRunner.Run;
import org.yishi.cardreader.qr.QrImages;
import org.yishi.cardreader.qr.QrTokenVerifier;
import org.yishi.cardreader.qr.QrVerdict;
import org.yishi.cardreader.qr.TrustedKeysFile;
import org.yishi.config.registry.QrTestRegistry;
import org.yishi.config.registry.RegistryDirectory;

class CardPrintCommandTest {

    @TempDir
    Path dir;

    private Path registry;
    private Path privateKey;
    private Map<String, PublicKey> trusted;

    @BeforeEach
    void keysAndRegistry() throws Exception {
        registry = QrTestRegistry.write(dir.resolve("registry"));
        assertThat(AdminCommandRunner.run("qr", "keygen", "--out", dir.resolve("keys").toString(), "--key-id", "k2026")
                .status()).isZero();
        privateKey = dir.resolve("keys/qr-issuing-k2026.key");
        trusted = TrustedKeysFile.read(dir.resolve("keys/qr-issuing-k2026.pub"));
    }

    private Run print(Path out, String elder) {
        return AdminCommandRunner.run("card", "print", "--elder", elder, "--out", out.toString(), "--key",
                privateKey.toString(), "--registry", registry.toString());
    }

    /** As a till with the registry would: the token must name the elder and the card, and be accepted. */
    private QrVerdict.Accepted verified(String scanned) {
        QrVerdict verdict = new QrTokenVerifier(trusted, Clock.systemUTC(), Duration.ofMinutes(2),
                new RegistryDirectory(registry)::find).verify(scanned);
        assertThat(verdict).isInstanceOf(QrVerdict.Accepted.class);
        return (QrVerdict.Accepted) verdict;
    }

    private static void assertNoFullResidentId(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String full = QrTestRegistry.ACTIVE_ID.fullNumber();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(full).doesNotContain(full.substring(0, 14));
        assertThat(new String(bytes, StandardCharsets.UTF_16BE)).doesNotContain(full);
    }

    @Test
    void aPngCardFaceIsId1At300DpiAndItsCodeVerifiesToTheElderAndCard() throws Exception {
        Path png = dir.resolve("card.png");

        Run r = print(png, QrTestRegistry.ACTIVE);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("张*华", "E5F6");
        BufferedImage face = ImageIO.read(png.toFile());
        assertThat(face.getWidth()).isEqualTo(1011);
        assertThat(face.getHeight()).isEqualTo(638);
        QrVerdict.Accepted accepted = verified(QrImages.decode(face).orElseThrow());
        assertThat(accepted.elderId()).contains(QrTestRegistry.ACTIVE);
        assertThat(accepted.cardUid()).contains(QrTestRegistry.ACTIVE_CARD);
        assertNoFullResidentId(png);
    }

    @Test
    void aPdfCardIsExactlyId1AndTheEmbeddedImageCarriesAVerifyingToken() throws Exception {
        Path pdf = dir.resolve("card.pdf");

        Run r = print(pdf, QrTestRegistry.ACTIVE);

        assertThat(r.status()).as(r.err()).isZero();
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            Rectangle page = reader.getPageSize(1);
            // 85.6 mm x 54 mm in points, within 0.01 mm.
            assertThat((double) page.getWidth()).isCloseTo(85.6 / 25.4 * 72, org.assertj.core.data.Offset.offset(0.03));
            assertThat((double) page.getHeight()).isCloseTo(54.0 / 25.4 * 72, org.assertj.core.data.Offset.offset(0.03));
            List<BufferedImage> images = images(reader);
            assertThat(images).hasSize(1);
            assertThat(images.get(0).getWidth()).isEqualTo(CardFaceRenderer.WIDTH_PX);
            QrVerdict.Accepted accepted = verified(QrImages.decode(images.get(0)).orElseThrow());
            assertThat(accepted.elderId()).contains(QrTestRegistry.ACTIVE);
            assertThat(accepted.cardUid()).contains(QrTestRegistry.ACTIVE_CARD);
        } finally {
            reader.close();
        }
        assertNoFullResidentId(pdf);
        assertThat(CardPdf.WIDTH_PT).isEqualTo((float) (85.6 / 25.4 * 72));
    }

    @Test
    void printRefusesAnUnknownOutputTypeAndAnElderWhoCannotHaveACard() {
        Run jpg = print(dir.resolve("card.jpg"), QrTestRegistry.ACTIVE);
        Run deceased = AdminCommandRunner.run("--lang", "en", "card", "print", "--elder", QrTestRegistry.DECEASED, "--out",
                dir.resolve("d.pdf").toString(), "--key", privateKey.toString(), "--registry", registry.toString());

        assertThat(jpg.status()).isEqualTo(2);
        assertThat(jpg.err()).contains(".pdf", ".png");
        assertThat(deceased.status()).isEqualTo(1);
        assertThat(deceased.err()).contains("deceased");
        assertThat(dir.resolve("d.pdf")).doesNotExist();
        assertThat(dir.resolve("card.jpg")).doesNotExist();
    }

    /** The page's image XObjects, decoded from their raw (Flate, PNG-predicted) RGB samples. */
    private static List<BufferedImage> images(PdfReader reader) throws Exception {
        PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES);
        PdfDictionary xobjects = resources.getAsDict(PdfName.XOBJECT);
        List<BufferedImage> images = new ArrayList<>();
        for (PdfName name : xobjects.getKeys()) {
            PdfObject object = PdfReader.getPdfObject(xobjects.get(name));
            if (!(object instanceof PRStream stream) || !PdfName.IMAGE.equals(stream.getAsName(PdfName.SUBTYPE))) {
                continue;
            }
            int width = stream.getAsNumber(PdfName.WIDTH).intValue();
            int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
            assertThat(stream.getAsName(PdfName.COLORSPACE)).isEqualTo(PdfName.DEVICERGB);
            assertThat(stream.getAsNumber(PdfName.BITSPERCOMPONENT).intValue()).isEqualTo(8);
            byte[] rgb = PdfReader.getStreamBytes(stream);
            assertThat(rgb).hasSize(width * height * 3);
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int i = 0, p = 0; p < width * height; p++, i += 3) {
                image.setRGB(p % width, p / width,
                        (rgb[i] & 0xFF) << 16 | (rgb[i + 1] & 0xFF) << 8 | (rgb[i + 2] & 0xFF));
            }
            images.add(image);
        }
        return images;
    }
}
