package org.yishi.cli.journal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A root command with only {@code journal} under it, standing in for the till's and the administrator's roots (each
 * has its own test that {@code journal verify} runs under it): exit status, output, errors of one command line.
 */
final class JournalCommandRunner {

    /** Output and exit status of one command line. */
    record Run(int status, String out, String err) {
    }

    @Command(name = "yishi", subcommands = JournalCommand.class)
    static final class Root implements Callable<Integer>, CommandContext {
        @Option(names = "--lang", scope = CommandLine.ScopeType.INHERIT)
        private String lang;

        private final PrintWriter out;
        private final PrintWriter err;

        Root(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            return 2;
        }

        @Override
        public PrintWriter out() {
            return out;
        }

        @Override
        public PrintWriter err() {
            return err;
        }

        @Override
        public String language() {
            return lang;
        }
    }

    private JournalCommandRunner() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new Root(o, e));
        cli.setOut(o);
        cli.setErr(e);
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
