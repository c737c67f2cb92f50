package org.yishi.till.cli;

import org.yishi.till.ui.Launcher;
import org.yishi.till.ui.TillLaunch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code yishi till --demo}: the JavaFX till on demo data (made on first use). */
@Command(name = "till", description = "Start the JavaFX till. --demo: on demo data (embedded H2), with a simulated card panel "
        + "and an on-screen receipt preview unless --printer names a printer.")
final class TillCommand implements Callable<Integer> {

    @ParentCommand
    private YishiCommand root;

    @Option(names = "--demo", required = true, description = "Run the demo till (the only mode so far: a configured till comes with the till configuration file).")
    private boolean demo;

    @Option(names = "--dir", defaultValue = "var/demo", description = "Demo directory. Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--policies", description = "Directory of policy files. Default: policies/ of the Yishi installation.")
    private Path policies;

    @Option(names = "--printer", defaultValue = "screen:", description = "tcp://HOST:9100, file:/dev/usb/lp0, cups:QUEUE or screen: (default).")
    private String printer;

    @Option(names = "--pcsc", description = "Also watch PC/SC card readers.")
    private boolean pcsc;

    @Option(names = "--no-customer-display", description = "Do not open the customer display window.")
    private boolean noCustomerDisplay;

    @Option(names = "--screenshots", description = "Walk the windows through a demo, save a PNG of each screen in this directory, then exit (scripts/screenshots.sh).")
    private Path screenshots;

    @Override
    public Integer call() {
        Path policiesDir = policies != null ? policies : Path.of(System.getProperty("yishi.home", ".")).resolve("policies");
        String lang = root.language();
        return new Launcher(System.out).run(new TillLaunch(dir, policiesDir, lang, printer, pcsc, !noCustomerDisplay,
                java.util.Optional.ofNullable(screenshots)));
    }
}
