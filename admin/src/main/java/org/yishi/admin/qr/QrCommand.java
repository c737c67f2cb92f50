package org.yishi.admin.qr;

import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi qr}: the administrator's half of elder QR codes — issuing keys and issuing a code for an elder. */
@Command(name = "qr", description = "Elder QR codes: make an issuing key, issue a code for an elder (verifying one: the till's `qr verify`).",
        subcommands = {QrKeygenCommand.class, QrIssueCommand.class})
public final class QrCommand implements Callable<Integer> {

    /** The text of {@code qr keygen}, {@code qr issue} and of the issuing {@code card print} shares. */
    static final String MESSAGES = "org.yishi.admin.qr.messages";

    @ParentCommand
    CommandContext root;

    Messages messages() {
        return Messages.of(MESSAGES, root.language());
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }
}
