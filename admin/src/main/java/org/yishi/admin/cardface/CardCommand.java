package org.yishi.admin.cardface;

import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi card}: the administrator's half of elder cards — printing a card face. */
@Command(name = "card", description = "Elder cards: print a card face (checking a card reader: the till's `card listen`).",
        subcommands = CardPrintCommand.class)
public final class CardCommand implements Callable<Integer> {

    private static final String MESSAGES = "org.yishi.admin.cardface.messages";

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
