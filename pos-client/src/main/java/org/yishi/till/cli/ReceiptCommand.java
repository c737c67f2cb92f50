package org.yishi.till.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi receipt ...}: sample receipts for installers and docs. */
@Command(name = "receipt", description = "Receipts: write a sample (ESC/POS bytes or a PNG preview), or send one to a printer.",
        subcommands = {ReceiptSampleCommand.class, ReceiptPrintCommand.class})
final class ReceiptCommand implements Callable<Integer> {

    @ParentCommand
    private YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.out());
        return 2;
    }

    YishiCommand root() {
        return root;
    }
}
