package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.RenderedReceipt;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PrintQueueTest {
    static final PrinterTimeouts FAST = TcpPrinterOutputTest.FAST;

    FakeNetworkPrinter printer;
    List<PrintQueue> queues = new ArrayList<>();
    List<QueueStatus> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        printer = new FakeNetworkPrinter();
    }

    @AfterEach
    void stop() throws Exception {
        queues.forEach(PrintQueue::close);
        printer.close();
    }

    PrintQueue queue(PrinterOutput output, PrintQueueSettings settings, Optional<HeldJobDirectory> store) {
        PrintQueue queue = new PrintQueue(output, settings, Clock.systemUTC(), store);
        queue.addListener(new PrintQueueListener() {
            @Override
            public void statusChanged(QueueStatus status) {
                seen.add(status);
            }
        });
        queues.add(queue);
        return queue;
    }

    PrintQueue tcpQueue() {
        return queue(new TcpPrinterOutput(printer.target(), FAST), PrintQueueSettings.of(FAST), Optional.empty());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void printsJobsInSubmissionOrderExactlyOnce() throws Exception {
        PrintQueue queue = tcpQueue();
        List<RenderedReceipt> receipts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            receipts.add(Payloads.receipt("T01-" + (1000 + i), 1500 + i));
            assertThat(queue.submit(receipts.get(i))).isEqualTo(Admission.ACCEPTED);
        }

        await("20 jobs printed", () -> printer.jobs().size() == 20 && queue.status().phase() == QueueStatus.Phase.READY);

        assertThat(digests(printer.jobs())).containsExactlyElementsOf(digests(receipts.stream().map(RenderedReceipt::escPos).toList()));
        assertThat(queue.jobs()).isEmpty();
    }

    @Test
    void submitNeverWaitsForAStalledPrinter() throws Exception {
        printer.stall();
        PrintQueue queue = tcpQueue();
        long worst = 0;
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            queue.submit(Payloads.receipt("T01-" + i, 2000));
            worst = Math.max(worst, System.nanoTime() - start);
        }
        System.out.println("[measure] slowest submit() with a stalled printer: " + worst / 1000 + " µs");
        assertThat(Duration.ofNanos(worst)).isLessThan(Duration.ofMillis(50));
        assertThat(queue.jobs()).hasSize(50);
    }

    @Test
    void refusedPrinterHoldsTheJobPausesTheQueueAndRetryDeliversEachExactlyOnce() throws Exception {
        printer.refuse();
        PrintQueue queue = tcpQueue();
        RenderedReceipt first = Payloads.receipt("T01-000001", 3000);
        RenderedReceipt second = Payloads.receipt("T01-000002", 3100);
        RenderedReceipt third = Payloads.receipt("T01-000003", 3200);

        long start = System.nanoTime();
        queue.submit(first);
        await("first held", () -> queue.status().held() == 1);
        long heldAfter = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] refused printer: job held " + heldAfter + " ms after submit");
        queue.submit(second);
        queue.submit(third);
        Thread.sleep(100);

        QueueStatus status = queue.status();
        assertThat(status.phase()).isEqualTo(QueueStatus.Phase.OFFLINE);
        assertThat(status.held()).isEqualTo(1);
        assertThat(status.waiting()).isEqualTo(2);
        assertThat(status.reason()).get().extracting(HoldReason::kind).isEqualTo(FailureKind.REFUSED);
        assertThat(queue.jobs()).extracting(PrintQueue.JobView::state)
                .containsExactly(PrintQueue.JobState.HELD, PrintQueue.JobState.WAITING, PrintQueue.JobState.WAITING);
        assertThat(printer.connections()).isZero();

        printer.accept();
        assertThat(queue.retry()).isEqualTo(1);

        await("all printed", () -> printer.jobs().size() == 3 && queue.jobs().isEmpty());
        Thread.sleep(200);
        assertThat(digests(printer.jobs())).containsExactly(digest(first.escPos()), digest(second.escPos()), digest(third.escPos()));
        assertThat(queue.status().phase()).isEqualTo(QueueStatus.Phase.READY);
        assertThat(seen).extracting(QueueStatus::phase).contains(QueueStatus.Phase.OFFLINE, QueueStatus.Phase.PRINTING,
                QueueStatus.Phase.READY);
    }

    @Test
    void paperOutShowsPaperOutAndReprintAfterNewRollPrintsOnce() throws Exception {
        printer.answer(FakeNetworkPrinter.PAPER_OUT);
        PrintQueue queue = tcpQueue();
        RenderedReceipt sale = Payloads.receipt("T01-000042", 4000);

        queue.submit(sale);
        await("held", () -> queue.status().held() == 1);

        QueueStatus status = queue.status();
        assertThat(status.phase()).isEqualTo(QueueStatus.Phase.PAPER_OUT);
        assertThat(status.reason().orElseThrow().conditions()).contains(PrinterCondition.PAPER_OUT);
        assertThat(status.reason().orElseThrow().mayHavePrinted()).isFalse();
        assertThat(printer.jobs()).isEmpty();
        // Still no paper: the reprint is held again, nothing printed, nothing lost.
        assertThat(queue.reprint("T01-000042")).isEqualTo(ReprintOutcome.RELEASED);
        await("held again", () -> printer.statusQueries() >= 8 && queue.status().held() == 1);
        assertThat(printer.jobs()).isEmpty();

        printer.answer(FakeNetworkPrinter.READY);
        assertThat(queue.reprint("T01-000042")).isEqualTo(ReprintOutcome.RELEASED);
        await("printed", () -> printer.jobs().size() == 1 && queue.jobs().isEmpty());

        assertThat(digest(printer.jobs().get(0))).isEqualTo(digest(sale.escPos()));
        assertThat(queue.reprint("T01-000042")).isEqualTo(ReprintOutcome.ALREADY_PRINTED);
        assertThat(queue.submit(sale)).isEqualTo(Admission.REFUSED_ALREADY_PRINTED);
        Thread.sleep(200);
        assertThat(printer.jobs()).hasSize(1);
    }

    @Test
    void stalledPrinterHoldsWithWriteTimeoutAndRecoveryPrintsTheWholeReceipt() throws Exception {
        printer.stall();
        PrintQueue queue = tcpQueue();
        RenderedReceipt big = Payloads.receipt("T01-000077", 300_000);

        long start = System.nanoTime();
        queue.submit(big);
        await("held", () -> queue.status().held() == 1);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("[measure] stalled printer: job held " + millis + " ms after submit");
        HoldReason reason = queue.status().reason().orElseThrow();
        assertThat(reason.kind()).isEqualTo(FailureKind.WRITE_TIMEOUT);
        assertThat(reason.mayHavePrinted()).isTrue();
        assertThat(queue.status().phase()).isEqualTo(QueueStatus.Phase.HELD);
        assertThat(millis).isLessThan(2500);

        printer.recover();
        queue.retry();
        await("printed", () -> printer.jobs().size() == 1 && queue.jobs().isEmpty());
        assertThat(digest(printer.jobs().get(0))).isEqualTo(digest(big.escPos()));
    }

    @Test
    void fullQueueRefusesClearlyAndKeepsWhatItHas() throws Exception {
        printer.refuse();
        PrintQueue queue = queue(new TcpPrinterOutput(printer.target(), FAST),
                new PrintQueueSettings(3, 1_000_000, FAST.hardLimit(), 100), Optional.empty());
        for (int i = 1; i <= 3; i++) {
            assertThat(queue.submit(Payloads.receipt("T01-" + i, 100))).isEqualTo(Admission.ACCEPTED);
        }
        assertThat(queue.submit(Payloads.receipt("T01-4", 100))).isEqualTo(Admission.REFUSED_FULL);
        assertThat(queue.submit(Payloads.receipt("T01-2", 100))).isEqualTo(Admission.REFUSED_ALREADY_QUEUED);
        assertThat(queue.jobs()).extracting(PrintQueue.JobView::receiptId).containsExactly("T01-1", "T01-2", "T01-3");

        PrintQueue bytesBound = queue(new TcpPrinterOutput(printer.target(), FAST),
                new PrintQueueSettings(100, 1000, FAST.hardLimit(), 100), Optional.empty());
        assertThat(bytesBound.submit(Payloads.receipt("T02-1", 600))).isEqualTo(Admission.ACCEPTED);
        assertThat(bytesBound.submit(Payloads.receipt("T02-2", 600))).isEqualTo(Admission.REFUSED_FULL);
    }

    @Test
    void callerChangingItsArrayAfterSubmitDoesNotChangeWhatPrints() throws Exception {
        printer.refuse();
        PrintQueue queue = tcpQueue();
        byte[] bytes = Payloads.bytes(1000, 9);
        byte[] expected = bytes.clone();
        queue.submit(new RenderedReceipt("T01-9", ReceiptKind.SALE, bytes, true));
        bytes[0] ^= 0x55;
        await("held", () -> queue.status().held() == 1);
        printer.accept();
        queue.retry();
        await("printed", () -> printer.jobs().size() == 1);
        assertThat(digest(printer.jobs().get(0))).isEqualTo(digest(expected));
    }

    @Test
    void supervisorDiscardIsRecordedWithWhoAndWhy() throws Exception {
        printer.refuse();
        PrintQueue queue = tcpQueue();
        List<DiscardRecord> heard = new CopyOnWriteArrayList<>();
        queue.addListener(new PrintQueueListener() {
            @Override
            public void discarded(DiscardRecord record) {
                heard.add(record);
            }
        });
        queue.submit(Payloads.receipt("T01-5", 500));
        queue.submit(Payloads.receipt("T01-6", 500));
        await("held", () -> queue.status().held() == 1);

        assertThatThrownBy(() -> queue.discard("T01-5", " ", "printed by hand"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("supervisor");
        assertThatThrownBy(() -> queue.discard("T01-5", "S007", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> queue.discard("T01-404", "S007", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("T01-404");
        assertThat(queue.jobs()).hasSize(2);

        DiscardRecord record = queue.discard("T01-5", "S007", "elder left; receipt not wanted");

        assertThat(record.supervisor()).isEqualTo("S007");
        assertThat(record.lastFailure()).get().extracting(HoldReason::kind).isEqualTo(FailureKind.REFUSED);
        assertThat(queue.discards()).containsExactly(record);
        await("listener heard", () -> heard.size() == 1);
        assertThat(queue.reprint("T01-5")).isEqualTo(ReprintOutcome.UNKNOWN_RECEIPT);
        // The job behind it no longer waits on a held one: it is tried (and, the printer still down, held).
        await("next held", () -> queue.jobs().size() == 1 && queue.jobs().get(0).state() == PrintQueue.JobState.HELD);
        printer.accept();
        queue.retry();
        await("printed", () -> printer.jobs().size() == 1);
        assertThat(digest(printer.jobs().get(0))).isEqualTo(digest(Payloads.receipt("T01-6", 500).escPos()));
    }

    @Test
    void heldJobsSurviveARestartAndPrintOnceAfterRetry(@TempDir Path dir) throws Exception {
        printer.refuse();
        HeldJobDirectory store = new HeldJobDirectory(dir);
        PrintQueue before = queue(new TcpPrinterOutput(printer.target(), FAST), PrintQueueSettings.of(FAST), Optional.of(store));
        RenderedReceipt a = new RenderedReceipt("T01-000101", ReceiptKind.SALE, Payloads.bytes(2000, 101), true);
        RenderedReceipt b = new RenderedReceipt("T01-000102", ReceiptKind.REFUND, Payloads.bytes(2100, 102), false);
        before.submit(a);
        await("held", () -> before.status().held() == 1);
        before.submit(b);
        await("both on disk", () -> fileCount(dir, ".job") == 2);
        before.close();

        PrintQueue after = queue(new TcpPrinterOutput(printer.target(), FAST), PrintQueueSettings.of(FAST), Optional.of(store));
        assertThat(after.jobs()).extracting(PrintQueue.JobView::receiptId).containsExactly("T01-000101", "T01-000102");
        assertThat(after.jobs()).allMatch(j -> j.state() == PrintQueue.JobState.HELD);
        assertThat(after.status().held()).isEqualTo(2);
        assertThat(after.jobs().get(0).reason().orElseThrow().message()).contains("restarted").contains("REFUSED");
        assertThat(after.jobs().get(1).reason().orElseThrow().message()).contains("restarted");
        assertThat(after.storeProblems()).isEmpty();

        printer.accept();
        assertThat(after.retry()).isEqualTo(2);
        await("printed", () -> printer.jobs().size() == 2 && after.jobs().isEmpty());
        await("files gone", () -> fileCount(dir, ".job") == 0);
        assertThat(digests(printer.jobs())).containsExactly(digest(a.escPos()), digest(b.escPos()));
        assertThat(after.submit(new RenderedReceipt("T01-000103", ReceiptKind.SALE, Payloads.bytes(10, 1), false)))
                .isEqualTo(Admission.ACCEPTED);
        // The printer has the bytes a moment before the queue marks the job done: wait for both, not one then the other.
        await("third printed and done", () -> printer.jobs().size() == 3 && after.jobs().isEmpty());
        assertThat(printer.jobs()).hasSize(3);
    }

    @Test
    void aDamagedHeldJobFileIsReportedAndSetAsideNeverPrinted(@TempDir Path dir) throws Exception {
        HeldJobDirectory store = new HeldJobDirectory(dir);
        store.save(7, Payloads.receipt("T01-7", 500), java.time.Instant.parse("2025-03-01T04:00:00Z"), "REFUSED: test");
        store.save(8, Payloads.receipt("T01-8", 500), java.time.Instant.parse("2025-03-01T04:00:01Z"), "");
        Path seven = dir.resolve("000000000007.job");
        byte[] content = Files.readAllBytes(seven);
        content[content.length - 1] ^= 1;
        Files.write(seven, content);

        PrintQueue queue = queue(new TcpPrinterOutput(printer.target(), FAST), PrintQueueSettings.of(FAST), Optional.of(store));

        assertThat(queue.jobs()).extracting(PrintQueue.JobView::receiptId).containsExactly("T01-8");
        assertThat(queue.storeProblems()).singleElement().asString().contains("000000000007.job").contains("SHA-256");
        assertThat(dir.resolve("000000000007.job.corrupt")).exists();
        queue.retry();
        await("printed", () -> printer.jobs().size() == 1);
        assertThat(digest(printer.jobs().get(0))).isEqualTo(digest(Payloads.receipt("T01-8", 500).escPos()));
    }

    @Test
    void anOutputThatHangsIsAbandonedByTheWatchdogAndTheJobHeld() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        PrinterOutput hanging = new PrinterOutput() {
            @Override
            public PrinterTarget target() {
                return new PrinterTarget.SpoolerQueue("hangs");
            }

            @Override
            public Delivery send(byte[] bytes) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new AssertionError("unreachable");
            }

            @Override
            public PrinterStatus status() {
                return PrinterStatus.unknown("");
            }
        };
        PrintQueue queue = queue(hanging, new PrintQueueSettings(10, 100_000, Duration.ofMillis(300), 10), Optional.empty());

        long start = System.nanoTime();
        queue.submit(Payloads.receipt("T01-1", 10));
        await("held", () -> queue.status().held() == 1);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(queue.status().reason().orElseThrow().kind()).isEqualTo(FailureKind.HUNG);
        assertThat(queue.status().reason().orElseThrow().mayHavePrinted()).isTrue();
        assertThat(millis).isBetween(250L, 1500L);
    }

    @Test
    void aThrowingListenerDoesNotStopPrinting() throws Exception {
        PrintQueue queue = tcpQueue();
        queue.addListener(new PrintQueueListener() {
            @Override
            public void statusChanged(QueueStatus status) {
                throw new IllegalStateException("listener bug");
            }
        });
        queue.submit(Payloads.receipt("T01-1", 100));
        queue.submit(Payloads.receipt("T01-2", 100));
        await("printed", () -> printer.jobs().size() == 2);
        await("status seen", () -> seen.stream().anyMatch(s -> s.phase() == QueueStatus.Phase.READY && s.waiting() == 0));
    }

    @Test
    void closedQueueRefusesAndBlankIdsAreProgrammingErrors() {
        PrintQueue queue = tcpQueue();
        assertThatThrownBy(() -> queue.submit(new RenderedReceipt("T01\n2", ReceiptKind.SALE, new byte[] {1}, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
        queue.close();
        assertThat(queue.submit(Payloads.receipt("T01-1", 10))).isEqualTo(Admission.REFUSED_CLOSED);
    }

    @Test
    void throughputToTheFakePrinter() throws Exception {
        PrintQueue queue = queue(new TcpPrinterOutput(printer.target(), FAST),
                new PrintQueueSettings(1000, 16_000_000, FAST.hardLimit(), 1000), Optional.empty());
        int jobs = 300;
        List<byte[]> expected = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            RenderedReceipt receipt = Payloads.receipt("T09-" + i, 3000);
            expected.add(receipt.escPos());
            assertThat(queue.submit(receipt)).isEqualTo(Admission.ACCEPTED);
        }
        await("all printed", () -> printer.jobs().size() == jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[measure] queue throughput to the fake printer: %d receipts of 3000 B in %.2f s = %.0f receipts/s%n",
                jobs, seconds, jobs / seconds);
        assertThat(digests(printer.jobs())).containsExactlyElementsOf(digests(expected));
    }

    /** Short, readable stand-ins for byte arrays in assertion messages: length and SHA-256 prefix. */
    static List<String> digests(List<byte[]> arrays) {
        return arrays.stream().map(PrintQueueTest::digest).toList();
    }

    static String digest(byte[] bytes) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return bytes.length + ":" + java.util.HexFormat.of().formatHex(sha, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long fileCount(Path dir, String suffix) {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
