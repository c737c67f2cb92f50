package org.yishi.till.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi qr} in the till's jar: verifying a scanned elder QR code as the till does. Issuing keys and codes is the
 * administrator's ({@code qr keygen}, {@code qr issue} in the admin jar): the issuing key is never on a till.
 */
@Command(name = "qr", description = "Elder QR codes: verify a code (issuing keys and codes: the administrator's `qr keygen`, `qr issue`).",
        subcommands = QrVerifyCommand.class)
final class QrCommand implements Callable<Integer> {

    @ParentCommand
    YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }
}
