package org.yishi.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.yishi.admin.cardface.CardCommand;
import org.yishi.admin.demodata.DemoDataCommand;
import org.yishi.admin.policy.PolicyCommand;
import org.yishi.admin.qr.QrCommand;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import org.yishi.cli.journal.JournalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The administrator's command line (the admin jar, run by {@code ./yishi} for these commands): what must never be on
 * a till — the QR issuing key and the codes it signs, card faces, demo data — and what only finance needs — policy
 * simulation — plus {@code journal verify}, which is everywhere. Exit status: 0 fine, 1 the command found a problem,
 * 2 the command was used wrongly.
 */
@Command(name = "yishi", mixinStandardHelpOptions = true, version = "Yishi 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Yishi (颐食) — the administrator's tools (never on a till): QR issuing keys and codes, card faces, "
                + "demo data, policy simulation; and journal verification.",
        subcommands = {QrCommand.class, CardCommand.class, DemoDataCommand.class, PolicyCommand.class, JournalCommand.class,
                CommandLine.HelpCommand.class})
public final class AdminCommand implements Callable<Integer>, CommandContext {

    private static final String MESSAGES = "org.yishi.admin.messages";

    @Option(names = "--lang", description = "zh (default) or en. Also YISHI_LANG.", scope = CommandLine.ScopeType.INHERIT)
    private String lang = System.getenv("YISHI_LANG");

    private final PrintWriter out;
    private final PrintWriter err;

    private AdminCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The command's own output says what matters; library INFO logging (java.util.logging) would bury it.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        AdminCommand root = new AdminCommand(out, err);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // An unexpected failure: say what went wrong in one line, without a stack trace for the user.
            err.println(Messages.of(MESSAGES, root.language()).get("error.unexpected", e.getClass().getSimpleName(),
                    String.valueOf(e.getMessage())));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
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
