package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.cardreader.pcsc.Pcscd;
import org.yishi.cardreader.pcsc.VirtualCard;

/** {@code yishi card listen} against the real pcscd with vpcd readers and the project's virtual card. */
class CardListenCommandTest {

    @TempDir
    static Path work;
    private static Pcscd pcscd;

    @BeforeAll
    static void startPcscd() throws Exception {
        pcscd = Pcscd.start(work);
    }

    @AfterAll
    static void stopPcscd() throws Exception {
        pcscd.close();
    }

    private static CompletableFuture<Integer> listen(StringWriter out, StringWriter err, String... args) {
        return CompletableFuture.supplyAsync(() -> YishiCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args));
    }

    @Test
    void printsTheReadersAndOneLinePerTapAndStopsAfterTheCount() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = listen(out, err, "card", "listen", "--lang", "en", "--count", "1", "--timeout", "30");
        await().atMost(Duration.ofSeconds(15)).until(() -> out.toString().contains("2 reader(s)"));

        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_0, "04A1B2C3D4E5F6")) {
            assertThat(status.get(15, TimeUnit.SECONDS)).isZero();
        }
        assertThat(out.toString())
                .contains("2 reader(s): " + Pcscd.READER_0 + ", " + Pcscd.READER_1)
                .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  " + Pcscd.READER_0 + "  CARD TAPPED  UID 04A1B2C3D4E5F6");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void saysInChineseWhenACardCannotBeReadAndExitsOneWhenTheTimeoutComesFirst() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> status = listen(out, err, "card", "listen", "--count", "1", "--timeout", "3");
        await().atMost(Duration.ofSeconds(15)).until(() -> out.toString().contains("台读卡器"));

        try (VirtualCard card = VirtualCard.insert(Pcscd.PORT_1, "DEADBEEF", "--unsupported")) {
            assertThat(status.get(15, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(out.toString())
                .contains(Pcscd.READER_1 + "  不支持的卡（SW=6A81）")
                .contains("3 秒已到，停止：共识别 0 次");
    }

    @Test
    void wrongUsageIsRefusedWithExitTwo() {
        YishiCommandTest.Run r = YishiCommandTest.run("card", "listen", "--lang", "en", "--count", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--count must be at least 1");

        YishiCommandTest.Run badAid = YishiCommandTest.run("card", "listen", "--lang", "en", "--elder-file", "XYZ");
        assertThat(badAid.status()).isEqualTo(2);
        assertThat(badAid.err()).contains("AID \"XYZ\" is not hex");
    }
}
