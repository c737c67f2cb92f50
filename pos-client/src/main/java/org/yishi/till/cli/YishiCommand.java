package org.yishi.till.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import org.yishi.cli.journal.JournalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The till's command line (the pos-client jar; {@code ./yishi} runs it for every till-side command): the till itself
 * and its enrolment, sync and simulation, the demo, what an installer checks at a counter (card readers, printers,
 * receipts, staff PIN hashes, policy files, QR codes), and journal verification. The administrator's tools — QR issuing,
 * card faces, demo data, policy simulation — are not here: they are the admin jar's ({@code org.yishi.admin.AdminCommand}).
 * Exit status: 0 fine, 1 the check found a problem, 2 the command was used wrongly.
 */
@Command(name = "yishi", mixinStandardHelpOptions = true, version = "Yishi 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "Yishi (颐食) elder canteen till — the till's command line.",
        subcommands = {DemoCommand.class, TillCommand.class, PolicyCommand.class, JournalCommand.class, QrCommand.class,
                CardCommand.class, ReceiptCommand.class, StaffCommand.class, CommandLine.HelpCommand.class})
public final class YishiCommand implements Callable<Integer>, CommandContext {

    @Option(names = "--lang", description = "zh (default) or en. Also YISHI_LANG.", scope = CommandLine.ScopeType.INHERIT)
    private String lang = System.getenv("YISHI_LANG");

    private final PrintWriter out;
    private final PrintWriter err;

    YishiCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The command's own output says what matters; library INFO logging (java.util.logging) would bury it.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        YishiCommand root = new YishiCommand(out, err);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // An unexpected failure: say what went wrong in one line, without a stack trace for the user.
            err.println(root.messages().get("error.unexpected", e.getClass().getSimpleName(), String.valueOf(e.getMessage())));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 2;
    }

    CliMessages messages() {
        return CliMessages.forLanguage(lang);
    }

    @Override
    public String language() {
        return lang;
    }

    /** The policy files: {@code given}, or policies/ of the Yishi installation. */
    static java.nio.file.Path policiesDir(java.nio.file.Path given) {
        return given != null ? given : java.nio.file.Path.of(System.getProperty("yishi.home", ".")).resolve("policies");
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }
}
