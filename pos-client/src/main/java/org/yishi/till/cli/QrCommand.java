package org.yishi.till.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi qr}: elder QR codes — issuing keys, issuing a code for an elder, verifying a scanned one. */
@Command(name = "qr", description = "Elder QR codes: make an issuing key, issue a code for an elder, verify a code.",
        subcommands = {QrKeygenCommand.class, QrIssueCommand.class, QrVerifyCommand.class})
final class QrCommand implements Callable<Integer> {

    @ParentCommand
    YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }
}
