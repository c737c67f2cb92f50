package org.yishi.till.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi card} in the till's jar: checking the card readers at a counter. Card faces are printed by the administrator. */
@Command(name = "card", description = "Elder cards: check a card reader (printing a card face: the administrator's `card print`).",
        subcommands = CardListenCommand.class)
final class CardCommand implements Callable<Integer> {

    @ParentCommand
    YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }
}
