package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

/**
 * Whatever the printer does and whatever the cashier and supervisor press, every accepted receipt prints exactly once
 * or is discarded with a record; nothing prints twice, nothing vanishes, and prints keep submission order except where
 * the cashier reprinted a held job on purpose.
 */
class PrintQueueConservationTest {

    /** A printer that works or fails on command, recording what it printed. */
    static final class SwitchablePrinter implements PrinterOutput {
        volatile boolean broken;
        final List<String> printed = new CopyOnWriteArrayList<>();

        @Override
        public PrinterTarget target() {
            return new PrinterTarget.SpoolerQueue("switchable");
        }

        @Override
        public Delivery send(byte[] bytes) throws PrintFailure {
            if (broken) {
                throw new PrintFailure(FailureKind.REFUSED, "switched off");
            }
            printed.add(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
            return new Delivery(bytes.length, Duration.ZERO, PrinterStatus.unknown(""), false);
        }

        @Override
        public PrinterStatus status() {
            return PrinterStatus.unknown("");
        }
    }

    enum Op { SUBMIT, BREAK, FIX, RETRY, REPRINT_OLDEST_HELD, DISCARD_OLDEST }

    private static final Gen<List<Op>> SCRIPTS = Gen.frequency(
            Gen.weighted(6, Gen.constant(Op.SUBMIT)),
            Gen.weighted(1, Gen.constant(Op.BREAK)),
            Gen.weighted(1, Gen.constant(Op.FIX)),
            Gen.weighted(1, Gen.constant(Op.RETRY)),
            Gen.weighted(1, Gen.constant(Op.REPRINT_OLDEST_HELD)),
            Gen.weighted(1, Gen.constant(Op.DISCARD_OLDEST))).list(1, 40);

    @PropertyTest(tries = 60)
    void everyAcceptedReceiptPrintsOnceOrIsDiscardedOnRecord(long seed) {
        Cases.check(seed, SCRIPTS, PrintQueueConservationTest::run);
    }

    private static void run(List<Op> script) throws Exception {
        SwitchablePrinter printer = new SwitchablePrinter();
        List<String> accepted = new ArrayList<>();
        try (PrintQueue queue = new PrintQueue(printer, new PrintQueueSettings(15, 1_000_000, Duration.ofSeconds(2), 1000),
                Clock.systemUTC(), Optional.empty())) {
            int next = 0;
            for (Op op : script) {
                switch (op) {
                    case SUBMIT -> {
                        String id = "R" + next++;
                        Admission admission = queue.submit(new org.yishi.receipts.RenderedReceipt(id,
                                org.yishi.receipts.ReceiptKind.SALE, id.getBytes(java.nio.charset.StandardCharsets.US_ASCII), false));
                        if (admission.accepted()) {
                            accepted.add(id);
                        } else {
                            assertThat(admission).isEqualTo(Admission.REFUSED_FULL);
                        }
                    }
                    case BREAK -> printer.broken = true;
                    case FIX -> printer.broken = false;
                    case RETRY -> queue.retry();
                    case REPRINT_OLDEST_HELD -> queue.jobs().stream().filter(j -> j.state() == PrintQueue.JobState.HELD)
                            .findFirst().ifPresent(j -> assertThat(queue.reprint(j.receiptId())).isEqualTo(ReprintOutcome.RELEASED));
                    case DISCARD_OLDEST -> queue.jobs().stream()
                            .filter(j -> j.state() == PrintQueue.JobState.HELD).findFirst()
                            .ifPresent(j -> queue.discard(j.receiptId(), "S01", "test"));
                }
                Thread.sleep(1);
            }
            // The cashier fixes the printer and retries until the queue is empty.
            printer.broken = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!queue.jobs().isEmpty() && System.nanoTime() < deadline) {
                queue.retry();
                Thread.sleep(2);
            }
            assertThat(queue.jobs()).isEmpty();

            Set<String> discarded = new LinkedHashSet<>();
            queue.discards().forEach(d -> discarded.add(d.receiptId()));
            assertThat(printer.printed).doesNotHaveDuplicates();
            assertThat(printer.printed).noneMatch(discarded::contains);
            List<String> accounted = new ArrayList<>(printer.printed);
            accounted.addAll(discarded);
            assertThat(accounted).containsExactlyInAnyOrderElementsOf(accepted);
            if (!script.contains(Op.REPRINT_OLDEST_HELD)) {
                List<String> expectedOrder = accepted.stream().filter(id -> !discarded.contains(id)).toList();
                assertThat(printer.printed).containsExactlyElementsOf(expectedOrder);
            }
        }
    }
}
