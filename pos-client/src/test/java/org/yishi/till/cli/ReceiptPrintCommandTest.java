package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.till.cli.YishiCommandTest.Run;

/** {@code yishi receipt print}: a sample receipt to a real loopback "printer", a device file, and nowhere. */
class ReceiptPrintCommandTest {

    /**
     * A network printer that is ready: serves connections one after another until the socket is closed, answers
     * every {@code DLE EOT n} with the Epson "ready" byte (0x12), and records everything else it is sent.
     */
    private static ByteArrayOutputStream readyPrinter(ServerSocket server) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    serve(in, out, printed);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "ready-printer");
        t.setDaemon(true);
        t.start();
        return printed;
    }

    private static void serve(InputStream in, OutputStream out, ByteArrayOutputStream printed) throws IOException {
        int previous = -1;
        for (int b; (b = in.read()) != -1; ) {
            if (previous == 0x10 && b == 0x04) {
                int n = in.read();
                if (n >= 1 && n <= 4) {
                    out.write(0x12);
                    out.flush();
                    previous = -1;
                    continue;
                }
                printed.write(0x10);
                printed.write(0x04);
                b = n;
            } else if (previous == 0x10) {
                printed.write(0x10);
            }
            if (b != 0x10 && b != -1) {
                printed.write(b);
            }
            previous = b;
        }
        if (previous == 0x10) {
            printed.write(0x10);
        }
    }

    private static byte[] sampleBytes(Path dir, String lang, String kind, String width) throws IOException {
        Path bin = dir.resolve(kind + "-" + width + ".bin");
        Run r = YishiCommandTest.run("receipt", "sample", "--lang", lang, "--kind", kind, "--width", width, "--out", bin.toString());
        assertThat(r.status()).as(r.err()).isZero();
        return Files.readAllBytes(bin);
    }

    @Test
    void aReadyNetworkPrinterGetsExactlyTheSampleBytesAndConfirmsThem(@TempDir Path dir) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream printed = readyPrinter(server);
            Run r = YishiCommandTest.run("receipt", "print", "--lang", "en", "--kind", "test", "--width", "58",
                    "--printer", "tcp://127.0.0.1:" + server.getLocalPort());

            assertThat(r.status()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("Printer tcp://127.0.0.1:" + server.getLocalPort() + ": ready")
                    .contains("PRINTED: sample test receipt").contains("the printer confirmed it read every byte");
            server.close();
            assertThat(printed.toByteArray()).isEqualTo(sampleBytes(dir, "en", "test", "58"));
        }
    }

    @Test
    void aDeviceFileGetsTheSaleBytes(@TempDir Path dir) throws Exception {
        Path device = Files.createFile(dir.resolve("lp0"));
        Run r = YishiCommandTest.run("receipt", "print", "--kind", "sale", "--width", "80", "--printer", "file:" + device);

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("已打印").contains("无状态回复");
        assertThat(Files.readAllBytes(device)).isEqualTo(sampleBytes(dir, "zh", "sale", "80"));
    }

    @Test
    void aPrinterThatIsOffSaysWhyInChineseAndExitsOne() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Run r = YishiCommandTest.run("receipt", "print", "--kind", "test", "--printer", "tcp://127.0.0.1:" + closedPort);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("未打印：打印机未响应连接（未开机或地址错误）");
    }

    @Test
    void aMissingDeviceAndABadTargetAreTold(@TempDir Path dir) {
        Run missing = YishiCommandTest.run("receipt", "print", "--lang", "en", "--printer", "file:" + dir.resolve("no-such-lp"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.out()).contains("NOT PRINTED");

        Run bad = YishiCommandTest.run("receipt", "print", "--lang", "en", "--printer", "lpt1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("lpt1");
    }
}
