package org.yishi.receipts.print;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;
import javax.print.event.PrintJobAdapter;
import javax.print.event.PrintJobEvent;

/**
 * A raw queue of the operating system's print system (CUPS on Linux, the spooler on Windows) through
 * {@code javax.print}: the ESC/POS bytes go as {@link DocFlavor.BYTE_ARRAY#AUTOSENSE}, which a raw queue passes
 * through untouched. The queue must be raw (CUPS: {@code lpadmin -p NAME -v URI -m raw}); a queue with a
 * PPD driver would try to render the bytes as a page.
 *
 * <p>The spooler accepts a job long before paper moves, so a delivery here means "spooled"; paper-out and the like
 * show in the spooler ({@code lpstat -p NAME}), not here.
 */
public final class SpoolerQueueOutput implements PrinterOutput {
    private static final DocFlavor RAW = DocFlavor.BYTE_ARRAY.AUTOSENSE;

    private final PrinterTarget.SpoolerQueue target;
    private final PrinterTimeouts timeouts;
    private final Supplier<PrintService[]> lookup;
    private final Watchdog watchdog = new Watchdog("yishi-print-spooler");

    /** Looks queues up with {@link PrintServiceLookup}. */
    public SpoolerQueueOutput(PrinterTarget.SpoolerQueue target, PrinterTimeouts timeouts) {
        this(target, timeouts, () -> PrintServiceLookup.lookupPrintServices(RAW, null));
    }

    /** Looks queues up with {@code lookup}: tests and platforms with their own service discovery. */
    public SpoolerQueueOutput(PrinterTarget.SpoolerQueue target, PrinterTimeouts timeouts, Supplier<PrintService[]> lookup) {
        this.target = Objects.requireNonNull(target, "target");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public PrinterTarget target() {
        return target;
    }

    @Override
    public Delivery send(byte[] bytes) throws PrintFailure {
        PrintFailure.refuseEmpty(bytes, target);
        long start = System.nanoTime();
        watchdog.run(() -> {
            spool(find(), bytes.clone());
            return null;
        }, timeouts.job(), FailureKind.HUNG, "spooling to queue '" + target.name() + "'");
        return new Delivery(bytes.length, Duration.ofNanos(System.nanoTime() - start),
                PrinterStatus.unknown("spooled; the print system reports paper and errors"), false);
    }

    @Override
    public PrinterStatus status() {
        try {
            PrintService service = watchdog.run(this::find, timeouts.connect(), FailureKind.HUNG, "looking up print queues");
            return PrinterStatus.unknown("queue '" + service.getName() + "' exists; the print system keeps its status");
        } catch (PrintFailure failure) {
            return PrinterStatus.unreachable(failure.getMessage());
        }
    }

    private PrintService find() throws PrintFailure {
        PrintService[] services = lookup.get();
        if (services == null) {
            services = new PrintService[0];
        }
        for (PrintService service : services) {
            if (service.getName().equals(target.name())) {
                return service;
            }
        }
        for (PrintService service : services) {
            if (service.getName().equalsIgnoreCase(target.name())) {
                return service;
            }
        }
        String known = services.length == 0
                ? "no raw-capable queues at all (is CUPS running? lpstat -p)"
                : "known queues: " + Arrays.stream(services).map(PrintService::getName).sorted()
                        .collect(Collectors.joining(", "));
        throw new PrintFailure(FailureKind.NO_SUCH_QUEUE, "no print queue named '" + target.name() + "'; " + known,
                PrinterStatus.unreachable("no such queue"), false, null);
    }

    private void spool(PrintService service, byte[] bytes) throws PrintFailure, InterruptedException {
        if (!service.isDocFlavorSupported(RAW)) {
            throw new PrintFailure(FailureKind.SPOOLER_FAILED, "queue '" + service.getName()
                    + "' does not take raw bytes; make it a raw queue (lpadmin -p NAME -m raw)");
        }
        DocPrintJob job = service.createPrintJob();
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<String> failed = new AtomicReference<>();
        job.addPrintJobListener(new PrintJobAdapter() {
            @Override
            public void printJobFailed(PrintJobEvent event) {
                failed.set("the print system reported the job failed");
                finished.countDown();
            }

            @Override
            public void printJobCanceled(PrintJobEvent event) {
                failed.set("the job was cancelled in the print system");
                finished.countDown();
            }

            @Override
            public void printDataTransferCompleted(PrintJobEvent event) {
                finished.countDown();
            }

            @Override
            public void printJobCompleted(PrintJobEvent event) {
                finished.countDown();
            }

            @Override
            public void printJobNoMoreEvents(PrintJobEvent event) {
                finished.countDown();
            }
        });
        HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
        attributes.add(new JobName("yishi receipt", null));
        try {
            job.print(new SimpleDoc(bytes, RAW, null), attributes);
        } catch (PrintException e) {
            throw new PrintFailure(FailureKind.SPOOLER_FAILED, "queue '" + service.getName() + "' refused the job: "
                    + e.getMessage(), PrinterStatus.unknown("spooler error"), false, e);
        }
        // Some services (CUPS via IPP) report completion by event after print() returns, others never do:
        // a short wait catches an early failure without making every receipt wait for the printer.
        finished.await(timeouts.statusReply().toMillis(), TimeUnit.MILLISECONDS);
        if (failed.get() != null) {
            throw new PrintFailure(FailureKind.SPOOLER_FAILED, "queue '" + service.getName() + "': " + failed.get(),
                    PrinterStatus.unknown("spooler error"), false, null);
        }
    }
}
