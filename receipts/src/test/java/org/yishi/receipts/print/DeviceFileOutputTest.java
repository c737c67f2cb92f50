package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DeviceFileOutputTest {
    static final PrinterTimeouts FAST = TcpPrinterOutputTest.FAST;

    @TempDir
    Path dir;

    DeviceFileOutput output(Path path) {
        return new DeviceFileOutput(new PrinterTarget.DeviceFile(path), FAST);
    }

    @Test
    void writesExactBytesAndAppendsReceiptAfterReceipt() throws Exception {
        Path device = Files.createFile(dir.resolve("lp0"));
        byte[] first = Payloads.bytes(10_000, 1);
        byte[] second = Payloads.bytes(300, 2);

        Delivery delivery = output(device).send(first);
        output(device).send(second);

        byte[] expected = new byte[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertThat(Files.readAllBytes(device)).isEqualTo(expected);
        assertThat(delivery.bytes()).isEqualTo(10_000);
        assertThat(delivery.confirmed()).isFalse();
    }

    @Test
    void missingDeviceIsReportedAndNeverCreated() {
        Path device = dir.resolve("usb/lp0");

        assertThatThrownBy(() -> output(device).send(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.DEVICE_MISSING);
                    assertThat(f.getMessage()).contains(device.toString()).contains("plugged in");
                    assertThat(f.mayHavePrinted()).isFalse();
                });
        assertThat(device).doesNotExist();
        assertThat(output(device).status().reply()).isEqualTo(PrinterStatus.Reply.UNREACHABLE);
    }

    @Test
    void aDirectoryIsNotAPrinter() {
        assertThatThrownBy(() -> output(dir).send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.getMessage()).contains("is a directory"));
    }

    @Test
    void permissionDeniedSaysWhatToDo() throws Exception {
        Path device = Files.createFile(dir.resolve("lp0"));
        Files.setPosixFilePermissions(device, PosixFilePermissions.fromString("r--r--r--"));
        if (Files.isWritable(device)) {
            // Root writes through file modes; a sysfs attribute without a write method refuses even root.
            device = Path.of("/sys/kernel/notes");
        }
        assumeTrue(Files.exists(device), "no file this user may not write to");
        Path target = device;

        assertThatThrownBy(() -> output(target).send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.PERMISSION_DENIED);
                    assertThat(f.getMessage()).contains("group").contains(target.toString());
                });
    }

    @Test
    void aFifoNobodyReadsTimesOutInsteadOfHanging() throws Exception {
        Path fifo = mkfifo("stuck");
        DeviceFileOutput output = output(fifo);

        long start = System.nanoTime();
        assertThatThrownBy(() -> output.send(Payloads.bytes(100, 3)))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.WRITE_TIMEOUT);
                    assertThat(f.getMessage()).contains("nothing written");
                    assertThat(f.mayHavePrinted()).isFalse();
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] device with no reader (blocked open) detected in " + millis + " ms (write stall 500 ms)");
        assertThat(millis).isBetween(450L, 1500L);
        // Release the thread stuck in open(2), so it does not outlive the test.
        try (InputStream unblock = Files.newInputStream(fifo)) {
            unblock.readAllBytes();
        }
    }

    @Test
    void aFifoWhoseReaderStopsReadingTimesOutAfterPartialWrite() throws Exception {
        Path fifo = mkfifo("slow");
        CompletableFuture<byte[]> firstBytes = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                firstBytes.complete(in.readNBytes(1000));
                Thread.sleep(3000); // stop reading: the pipe fills, the writer blocks
            } catch (Exception e) {
                firstBytes.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();

        byte[] receipt = Payloads.bytes(1_000_000, 4);
        assertThatThrownBy(() -> output(fifo).send(receipt))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.WRITE_TIMEOUT);
                    assertThat(f.getMessage()).contains("made no progress for 500 ms").contains("after");
                    assertThat(f.mayHavePrinted()).isTrue();
                });
        byte[] head = new byte[1000];
        System.arraycopy(receipt, 0, head, 0, 1000);
        assertThat(firstBytes.get(2, TimeUnit.SECONDS)).isEqualTo(head);
        reader.interrupt();
    }

    @Test
    void aFifoWithAReaderGetsTheWholeReceipt() throws Exception {
        Path fifo = mkfifo("ok");
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] receipt = Payloads.bytes(200_000, 5);

        output(fifo).send(receipt);

        assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(receipt);
    }

    private Path mkfifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        Process process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("mkfifo exit code").isZero();
        return fifo;
    }

    @Test
    void timeoutsRefuseNonsense() {
        assertThatThrownBy(() -> new PrinterTimeouts(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
                .hasMessageContaining("connect");
        assertThatThrownBy(() -> new PrinterTimeouts(Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)))
                .hasMessageContaining("job timeout");
    }
}
