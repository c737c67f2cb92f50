package org.yishi.till.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./yishi}: the command line over the built jars — policy checks and simulations for finance staff,
 * journal verification for auditors, demo data for installers. Exit status: 0 fine, 1 the check found a
 * problem, 2 the command was used wrongly.
 */
@Command(name = "yishi", mixinStandardHelpOptions = true, version = "Yishi 0.1.0",
        description = "Yishi (颐食) elder canteen till and subsidy settlement — command line.",
        subcommands = {DemoCommand.class, TillCommand.class, PolicyCommand.class, JournalCommand.class, DemoDataCommand.class, QrCommand.class,
                CardCommand.class, ReceiptCommand.class, StaffCommand.class, CommandLine.HelpCommand.class})
public final class YishiCommand implements Callable<Integer> {

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

    /** The language tag asked for ({@code --lang} or YISHI_LANG), null for the default. */
    String language() {
        return lang;
    }

    /** The policy files: {@code given}, or policies/ of the Yishi installation. */
    static java.nio.file.Path policiesDir(java.nio.file.Path given) {
        return given != null ? given : java.nio.file.Path.of(System.getProperty("yishi.home", ".")).resolve("policies");
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }
}
