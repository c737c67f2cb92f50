package org.yishi.cardreader.pcsc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PC/SC daemon with the vpcd virtual reader driver, started and stopped by the tests.
 *
 * <p>pcsc-lite 1.9 has one daemon per machine at a fixed socket ({@code /run/pcscd/pcscd.comm}), so the tests
 * take it over: any running pcscd is stopped first and the test's own one runs in the foreground with a reader
 * configuration of only the two vpcd readers ("Virtual PCD 00 00" on port 35963, "Virtual PCD 00 01" on 35964).
 * Needs Debian's {@code pcscd vsmartcard-vpcd python3-virtualsmartcard python3-pycryptodome} and root (pcscd
 * creates {@code /run/pcscd}); {@code .ci/run} installs them.
 */
public final class Pcscd implements AutoCloseable {

    public static final String READER_0 = "Virtual PCD 00 00";
    public static final String READER_1 = "Virtual PCD 00 01";
    public static final int PORT_0 = 35963;
    public static final int PORT_1 = 35964;

    private static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    private static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");

    private final Path workDir;
    private Process daemon;

    private Pcscd(Path workDir) {
        this.workDir = workDir;
    }

    /** Checks the machine has what the test needs, saying exactly what is missing; then starts the daemon. */
    public static Pcscd start(Path workDir) throws IOException, InterruptedException {
        requireFile(PCSCD, "pcscd");
        requireFile(VPCD_DRIVER, "vsmartcard-vpcd");
        requireFile(VirtualCard.PYTHON, "python3 (Debian's)");
        requireFile(Path.of("/usr/lib/python3/site-packages/virtualsmartcard/virtualsmartcard/VirtualSmartcard.py"),
                "python3-virtualsmartcard");
        Pcscd pcscd = new Pcscd(workDir);
        pcscd.writeReaderConfig();
        stopAnyRunning();
        pcscd.launch();
        return pcscd;
    }

    private static void requireFile(Path file, String debianPackage) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("the PC/SC integration test needs " + file + " from Debian package "
                    + debianPackage + ": apt-get install pcscd vsmartcard-vpcd python3-virtualsmartcard "
                    + "python3-pycryptodome (.ci/run does this)");
        }
    }

    private void writeReaderConfig() throws IOException {
        Path conf = workDir.resolve("reader.conf.d");
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("vpcd"), String.join("\n",
                "FRIENDLYNAME \"Virtual PCD\"",
                "DEVICENAME   /dev/null:0x8C7B",
                "LIBPATH      " + VPCD_DRIVER,
                "CHANNELID    0x8C7B", ""), StandardCharsets.US_ASCII);
    }

    private void launch() throws IOException, InterruptedException {
        Path log = workDir.resolve("pcscd.log");
        daemon = new ProcessBuilder(PCSCD.toString(), "--foreground", "--config", workDir.resolve("reader.conf.d").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(SOCKET) || !vpcdListening()) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("pcscd exited with " + daemon.exitValue() + ": "
                        + Files.readString(log).strip() + (isRoot() ? "" : " (pcscd must run as root here)"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd did not come up within 10 s; log: " + log);
            }
            Thread.sleep(20);
        }
    }

    /** The vpcd driver listens for virtual cards once pcscd has loaded the readers. */
    private static boolean vpcdListening() throws IOException {
        String hexPort = String.format(":%04X", PORT_1);
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                return true;
            }
        }
        return false;
    }

    /** Kills the daemon the hard way, as a crash or an administrator's {@code kill -9} would. */
    void kill() throws InterruptedException {
        daemon.destroyForcibly();
        daemon.waitFor(5, TimeUnit.SECONDS);
    }

    /** Starts it again after {@link #kill()}. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void stopAnyRunning() throws IOException, InterruptedException {
        Process pkill = new ProcessBuilder("pkill", "-x", "pcscd").redirectErrorStream(true).start();
        pkill.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static boolean running() throws IOException, InterruptedException {
        Process pgrep = new ProcessBuilder("pgrep", "-x", "pcscd").start();
        pgrep.getInputStream().readAllBytes();
        return pgrep.waitFor() == 0;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    List<String> readers() {
        return List.of(READER_0, READER_1);
    }
}
