package org.yishi.till.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.print.Delivery;
import org.yishi.receipts.print.HoldReason;
import org.yishi.receipts.print.PrintFailure;
import org.yishi.receipts.print.PrintStatusText;
import org.yishi.receipts.print.PrinterOutput;
import org.yishi.receipts.print.PrinterOutputs;
import org.yishi.receipts.print.PrinterStatus;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.receipts.print.PrinterTimeouts;
import org.yishi.receipts.sample.SampleReceipts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi receipt print --kind test --printer tcp://192.168.1.50:9100}: what an installer runs to check a
 * receipt printer. Asks the printer how it is, sends one sample receipt, and says what happened in the words the
 * till's status bar uses. Exit 0 printed, 1 not printed, 2 usage.
 */
@Command(name = "print", description = "Send a sample receipt to a printer (tcp://HOST:9100, file:/dev/usb/lp0, cups:QUEUE) "
        + "and report its status. Exit 0 printed, 1 not printed, 2 usage.")
final class ReceiptPrintCommand implements Callable<Integer> {

    @ParentCommand
    private ReceiptCommand parent;

    @Mixin
    private SampleReceiptOptions sample;

    @Option(names = "--printer", required = true, description = "tcp://HOST:PORT, file:/dev/usb/lp0 or cups:QUEUE.")
    private String printer;

    @Option(names = "--connect-timeout", defaultValue = "2000", description = "Milliseconds to wait for a network printer to accept. Default: ${DEFAULT-VALUE}.")
    private long connectMillis;

    @Override
    public Integer call() {
        YishiCommand root = parent.root();
        CliMessages m = root.messages();
        PrinterTarget target;
        PrinterProfile profile;
        RenderedReceipt receipt;
        try {
            target = PrinterTarget.parse(printer);
            profile = sample.profile();
            receipt = new ReceiptRenderer(ReceiptTexts.forLanguage(root.language()), profile)
                    .render(SampleReceipts.of(sample.receiptKind(), profile));
        } catch (IllegalArgumentException e) {
            root.err().println(m.get("receipt.badOption", e.getMessage()));
            return 2;
        }
        PrinterTimeouts defaults = PrinterTimeouts.DEFAULTS;
        PrinterTimeouts timeouts;
        try {
            timeouts = new PrinterTimeouts(Duration.ofMillis(connectMillis), defaults.statusReply(), defaults.writeStall(), defaults.job());
        } catch (IllegalArgumentException e) {
            root.err().println(m.get("receipt.badOption", e.getMessage()));
            return 2;
        }
        PrintStatusText words = new PrintStatusText(m.locale());
        PrinterOutput output = PrinterOutputs.open(target, timeouts);
        root.out().println(m.get("receipt.print.status", target.spec(), describe(m, words, output.status())));
        try {
            Delivery delivery = output.send(receipt.escPos());
            root.out().println(m.get("receipt.print.sent", sample.kind, delivery.bytes(), delivery.elapsed().toMillis(),
                    delivery.confirmed() ? m.get("receipt.print.confirmed") : m.get("receipt.print.unconfirmed")));
            if (!delivery.statusAfter().conditions().isEmpty()) {
                root.out().println(m.get("receipt.print.after", describe(m, words, delivery.statusAfter())));
            }
            return 0;
        } catch (PrintFailure failure) {
            HoldReason reason = HoldReason.of(failure, Instant.now());
            root.out().println(m.get("receipt.print.failed", words.cause(reason), failure.getMessage()));
            if (failure.mayHavePrinted()) {
                root.out().println(m.get("receipt.print.partial"));
            }
            return 1;
        }
    }

    private static String describe(CliMessages m, PrintStatusText words, PrinterStatus status) {
        return switch (status.reply()) {
            case ANSWERED -> status.conditions().isEmpty() ? m.get("receipt.print.ready")
                    : status.conditions().stream().map(words::condition).collect(Collectors.joining(", "));
            case UNKNOWN -> m.get("receipt.print.nostatus");
            case UNREACHABLE -> m.get("receipt.print.unreachable", status.detail());
        };
    }
}
