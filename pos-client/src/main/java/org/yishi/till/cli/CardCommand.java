package org.yishi.till.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code yishi card}: elder cards. */
@Command(name = "card", description = "Elder cards: print a card face, check a card reader.", subcommands = {CardPrintCommand.class, CardListenCommand.class})
final class CardCommand implements Callable<Integer> {

    @ParentCommand
    YishiCommand root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }
}
