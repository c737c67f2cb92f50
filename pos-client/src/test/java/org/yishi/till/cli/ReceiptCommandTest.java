package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.till.cli.YishiCommandTest.Run;

class ReceiptCommandTest {

    @Test
    void writesSaleBytesThatStartWithInitAndCarryGb18030Chinese(@TempDir Path dir) throws Exception {
        Path bin = dir.resolve("sale.bin");
        Run r = YishiCommandTest.run("receipt", "sample", "--kind", "sale", "--width", "58", "--out", bin.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("已写入").contains("含开钱箱指令");
        byte[] bytes = Files.readAllBytes(bin);
        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        assertThat(new String(bytes, Charset.forName("GB18030"))).contains("消费小票").contains("欧**华");
    }

    @Test
    void writesAPngPreviewForEveryKindAndWidth(@TempDir Path dir) throws Exception {
        for (String kind : new String[] {"sale", "void", "refund", "reprint", "zreport", "test"}) {
            for (String width : new String[] {"58", "80"}) {
                Path png = dir.resolve(kind + width + ".png");
                Run r = YishiCommandTest.run("receipt", "sample", "--kind", kind, "--width", width, "--out", png.toString(), "--lang", "en");
                assertThat(r.status()).as(kind + " " + width + ": " + r.err()).isZero();
                assertThat(r.out()).startsWith("Wrote");
                assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(("58".equals(width) ? 384 : 576) + 32);
            }
        }
    }

    @Test
    void wrongKindWidthOrExtensionIsAUsageError(@TempDir Path dir) {
        assertThat(YishiCommandTest.run("receipt", "sample", "--kind", "lunch", "--out", dir.resolve("a.bin").toString()).err())
                .contains("sale, void, refund, reprint, zreport or test");
        Run width = YishiCommandTest.run("receipt", "sample", "--width", "76", "--out", dir.resolve("a.bin").toString());
        assertThat(width.status()).isEqualTo(2);
        assertThat(width.err()).contains("58 or 80");
        Run ext = YishiCommandTest.run("receipt", "sample", "--out", dir.resolve("a.pdf").toString());
        assertThat(ext.status()).isEqualTo(2);
        assertThat(ext.err()).contains(".bin").contains(".png");
    }
}
