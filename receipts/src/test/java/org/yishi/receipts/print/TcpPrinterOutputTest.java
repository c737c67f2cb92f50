package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpPrinterOutputTest {
    static final PrinterTimeouts FAST = new PrinterTimeouts(
            Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(3));

    FakeNetworkPrinter printer;

    @BeforeEach
    void start() throws Exception {
        printer = new FakeNetworkPrinter();
    }

    @AfterEach
    void stop() throws Exception {
        printer.close();
    }

    static void awaitJobs(FakeNetworkPrinter printer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (printer.jobs().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void sendsExactBytesAndGetsThemConfirmedByAStatusReply() throws Exception {
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);
        byte[] receipt = Payloads.bytes(20_000, 1);

        Delivery delivery = output.send(receipt);

        awaitJobs(printer, 1);
        assertThat(printer.jobs()).hasSize(1);
        assertThat(printer.jobs().get(0)).isEqualTo(receipt);
        assertThat(delivery.bytes()).isEqualTo(20_000);
        assertThat(delivery.confirmed()).isTrue();
        assertThat(delivery.statusAfter().isReady()).isTrue();
        assertThat(printer.statusQueries()).isEqualTo(8); // 4 before, 4 after
    }

    @Test
    void aPrintDataDleThatIsNotAStatusQueryIsPrinted() throws Exception {
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);
        byte[] receipt = {0x1B, 0x40, 0x10, 0x05, 0x41, 0x10, 0x04, 0x09, 0x0A};

        output.send(receipt);

        awaitJobs(printer, 1);
        assertThat(printer.jobs().get(0)).isEqualTo(receipt);
    }

    @Test
    void refusedConnectionFailsFastAsRefused() throws Exception {
        printer.refuse();
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);

        long start = System.nanoTime();
        assertThatThrownBy(() -> output.send(Payloads.bytes(100, 2)))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.REFUSED);
                    assertThat(f.mayHavePrinted()).isFalse();
                    assertThat(f.getMessage()).contains("tcp://127.0.0.1:" + printer.port()).contains("refused");
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] refused printer detected in " + millis + " ms");
        assertThat(millis).isLessThan(400);
    }

    @Test
    void printerThatNeverAcceptsTimesOutOnConnect() throws Exception {
        printer.blackhole();
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);

        long start = System.nanoTime();
        assertThatThrownBy(() -> output.send(Payloads.bytes(100, 3)))
                .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.CONNECT_TIMEOUT));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] unanswered connect detected in " + millis + " ms (connect timeout 400 ms)");
        assertThat(millis).isBetween(350L, 1500L);
    }

    @Test
    void stalledPrinterHitsTheWriteTimeoutWithinBounds() throws Exception {
        printer.stall();
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);
        byte[] receipt = Payloads.bytes(512 * 1024, 4);

        long start = System.nanoTime();
        assertThatThrownBy(() -> output.send(receipt))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.WRITE_TIMEOUT);
                    assertThat(f.mayHavePrinted()).isTrue();
                    assertThat(f.getMessage()).contains("took no data for 500 ms");
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] stalled printer (512 KiB job) detected in " + millis
                + " ms (status wait 200 + write stall 500)");
        assertThat(millis).isBetween(500L, 2000L);
    }

    @Test
    void stalledPrinterThatAnsweredBeforeIsCaughtBeforeAnyByteIsSent() throws Exception {
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);
        output.send(Payloads.bytes(100, 5));
        awaitJobs(printer, 1);
        printer.stall();

        long start = System.nanoTime();
        assertThatThrownBy(() -> output.send(Payloads.bytes(3_000, 6)))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.NO_RESPONSE);
                    assertThat(f.mayHavePrinted()).isFalse();
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] stalled printer (small job, printer known to answer status) detected in " + millis + " ms");
        assertThat(millis).isBetween(450L, 1500L);
        assertThat(printer.jobs()).hasSize(1);
    }

    @Test
    void paperOutIsReportedAndNothingIsSent() throws Exception {
        printer.answer(FakeNetworkPrinter.PAPER_OUT);
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);

        assertThatThrownBy(() -> output.send(Payloads.bytes(500, 7)))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.PRINTER_STOPPED);
                    assertThat(f.status().conditions()).contains(PrinterCondition.PAPER_OUT, PrinterCondition.OFFLINE);
                    assertThat(f.mayHavePrinted()).isFalse();
                });
        Thread.sleep(100);
        assertThat(printer.jobs()).isEmpty();
    }

    @Test
    void statusDecodesCoverOpenOfflineAndNearEnd() {
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);

        printer.answer(FakeNetworkPrinter.COVER_OPEN);
        assertThat(output.status().conditions()).containsExactlyInAnyOrder(PrinterCondition.OFFLINE, PrinterCondition.COVER_OPEN);
        printer.answer(FakeNetworkPrinter.OFFLINE);
        assertThat(output.status().conditions()).containsExactly(PrinterCondition.OFFLINE);
        printer.answer(FakeNetworkPrinter.PAPER_NEAR_END);
        PrinterStatus nearEnd = output.status();
        assertThat(nearEnd.conditions()).containsExactly(PrinterCondition.PAPER_NEAR_END);
        assertThat(nearEnd.isReady()).isTrue();
    }

    @Test
    void silentPrinterIsUnknownQuicklyAndStillPrintsUnconfirmed() throws Exception {
        printer.answer(null);
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);

        long start = System.nanoTime();
        PrinterStatus status = output.status();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(status.reply()).isEqualTo(PrinterStatus.Reply.UNKNOWN);
        assertThat(status.detail()).contains("no reply to DLE EOT 1");
        assertThat(millis).isLessThan(1000);

        byte[] receipt = Payloads.bytes(2_000, 8);
        Delivery first = output.send(receipt);
        Delivery second = output.send(receipt);
        awaitJobs(printer, 2);
        assertThat(first.confirmed()).isFalse();
        assertThat(second.confirmed()).isFalse();
        assertThat(printer.jobs()).containsExactly(receipt, receipt);
        // Asked once with status(), once before the first job; then it is known to be silent and not asked again.
        assertThat(printer.statusQueries()).isEqualTo(2);
        assertThat(second.elapsed()).isLessThan(Duration.ofMillis(150));
    }

    @Test
    void unreachablePrinterStatusIsUnreachableNotAnException() throws Exception {
        printer.refuse();
        PrinterStatus status = new TcpPrinterOutput(printer.target(), FAST).status();
        assertThat(status.reply()).isEqualTo(PrinterStatus.Reply.UNREACHABLE);
        assertThat(status.detail()).contains("refused");
    }

    @Test
    void unknownHostIsUnreachable() {
        TcpPrinterOutput output = new TcpPrinterOutput(new PrinterTarget.Tcp("no-such-printer.invalid", 9100), FAST);
        assertThatThrownBy(() -> output.send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.UNREACHABLE));
    }

    @Test
    void emptyReceiptIsRefusedBeforeConnecting() {
        TcpPrinterOutput output = new TcpPrinterOutput(printer.target(), FAST);
        assertThatThrownBy(() -> output.send(new byte[0]))
                .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.BAD_JOB));
        assertThat(printer.connections()).isZero();
    }
}
