package org.yishi.receipts.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.print.Doc;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.event.PrintJobEvent;
import javax.print.event.PrintJobListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The javax.print path against stand-in print services (no CUPS runs here), plus the real lookup for a queue
 * that does not exist.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SpoolerQueueOutputTest {
    static final PrinterTimeouts FAST = TcpPrinterOutputTest.FAST;

    /** What the stand-in service does with a job. */
    enum Behaviour { ACCEPT, THROW, REPORT_FAILED, HANG }

    final List<byte[]> spooled = new CopyOnWriteArrayList<>();
    final List<DocFlavor> flavors = new CopyOnWriteArrayList<>();

    PrintService service(String name, Behaviour behaviour) {
        return (PrintService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PrintService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "isDocFlavorSupported" -> true;
                    case "createPrintJob" -> job(proxy, behaviour);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "stand-in " + name;
                    default -> null;
                });
    }

    DocPrintJob job(Object service, Behaviour behaviour) {
        List<PrintJobListener> listeners = new CopyOnWriteArrayList<>();
        return (DocPrintJob) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DocPrintJob.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "addPrintJobListener" -> listeners.add((PrintJobListener) args[0]);
                        case "getPrintService" -> {
                            return service;
                        }
                        case "print" -> {
                            Doc doc = (Doc) args[0];
                            flavors.add(doc.getDocFlavor());
                            switch (behaviour) {
                                case THROW -> throw new PrintException("printer is stopped");
                                case HANG -> Thread.sleep(60_000);
                                case REPORT_FAILED -> listeners.forEach(l ->
                                        l.printJobFailed(new PrintJobEvent((DocPrintJob) proxy, PrintJobEvent.JOB_FAILED)));
                                case ACCEPT -> {
                                    spooled.add((byte[]) doc.getPrintData());
                                    listeners.forEach(l -> l.printDataTransferCompleted(
                                            new PrintJobEvent((DocPrintJob) proxy, PrintJobEvent.DATA_TRANSFER_COMPLETE)));
                                }
                            }
                        }
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }

    SpoolerQueueOutput output(String queue, PrintService... services) {
        return new SpoolerQueueOutput(new PrinterTarget.SpoolerQueue(queue), FAST, () -> services);
    }

    @Test
    void spoolsTheExactBytesAsRawAutosense() throws Exception {
        byte[] receipt = Payloads.bytes(5000, 1);
        Delivery delivery = output("POS80", service("Office_Laser", Behaviour.ACCEPT), service("POS80", Behaviour.ACCEPT))
                .send(receipt);

        assertThat(spooled).hasSize(1);
        assertThat(spooled.get(0)).isEqualTo(receipt);
        assertThat(flavors).containsExactly(DocFlavor.BYTE_ARRAY.AUTOSENSE);
        assertThat(delivery.confirmed()).isFalse();
    }

    @Test
    void queueNamesMatchIgnoringCaseWhenNoExactMatch() throws Exception {
        output("pos80", service("POS80", Behaviour.ACCEPT)).send(new byte[] {1});
        assertThat(spooled).hasSize(1);
    }

    @Test
    void unknownQueueListsTheKnownOnes() {
        assertThatThrownBy(() -> output("Recept", service("Receipt", Behaviour.ACCEPT), service("A4", Behaviour.ACCEPT))
                .send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.NO_SUCH_QUEUE);
                    assertThat(f.getMessage()).contains("'Recept'").contains("known queues: A4, Receipt");
                });
    }

    @Test
    void realLookupOfAQueueThatDoesNotExist() {
        SpoolerQueueOutput output = new SpoolerQueueOutput(
                new PrinterTarget.SpoolerQueue("yishi-no-such-queue-" + System.nanoTime()), FAST);
        assertThatThrownBy(() -> output.send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> assertThat(f.kind()).isEqualTo(FailureKind.NO_SUCH_QUEUE));
        assertThat(output.status().reply()).isEqualTo(PrinterStatus.Reply.UNREACHABLE);
    }

    @Test
    void spoolerRefusalAndReportedFailureAreSpoolerFailed() {
        assertThatThrownBy(() -> output("Q", service("Q", Behaviour.THROW)).send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.SPOOLER_FAILED);
                    assertThat(f.getMessage()).contains("printer is stopped");
                });
        assertThatThrownBy(() -> output("Q", service("Q", Behaviour.REPORT_FAILED)).send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.SPOOLER_FAILED);
                    assertThat(f.getMessage()).contains("reported the job failed");
                });
    }

    @Test
    void aHangingSpoolerIsAbandonedAtTheJobTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> output("Q", service("Q", Behaviour.HANG)).send(new byte[] {1}))
                .isInstanceOfSatisfying(PrintFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(FailureKind.HUNG);
                    assertThat(f.mayHavePrinted()).isTrue();
                });
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isBetween(2900L, 4500L);
    }

    @Test
    void outputsAreMadeForEachTargetKind() {
        assertThat(PrinterOutputs.open(PrinterTarget.parse("tcp://10.0.0.5:9100"), FAST)).isInstanceOf(TcpPrinterOutput.class);
        assertThat(PrinterOutputs.open(PrinterTarget.parse("file:/dev/usb/lp0"), FAST)).isInstanceOf(DeviceFileOutput.class);
        assertThat(PrinterOutputs.open(PrinterTarget.parse("cups:POS"), FAST)).isInstanceOf(SpoolerQueueOutput.class);
    }
}
