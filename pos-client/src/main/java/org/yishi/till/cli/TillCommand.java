package org.yishi.till.cli;

import org.yishi.config.till.TillConfigException;
import org.yishi.config.yaml.Problem;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Till;
import org.yishi.till.script.TillScript;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.config.ConfiguredTill;
import org.yishi.till.config.TillInstaller;
import org.yishi.till.store.registry.ImportReport;
import org.yishi.till.config.TillConfigMapping;
import org.yishi.till.ui.Launcher;
import org.yishi.till.ui.TillLaunch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code yishi till --demo}: the JavaFX till on demo data (made on first use); {@code yishi till --config FILE}: a
 * real till from its configuration file (docs/till-config.md), {@code --check} to validate the file and print the
 * effective settings without opening anything.
 */
@Command(name = "till", description = "Start the JavaFX till. --demo: on demo data (embedded H2), with a simulated card panel "
        + "and an on-screen receipt preview unless --printer names a printer. --config FILE: a configured till "
        + "(docs/till-config.md); with --check only validate the file and print the effective settings.",
        subcommands = {TillSimulateCommand.class, TillRotateKeyCommand.class, TillEnrollCommand.class, TillSyncCommand.class,
                TillAckCommand.class})
final class TillCommand implements Callable<Integer> {

    @ParentCommand
    private YishiCommand root;

    // 0..1, checked in call(): picocli would otherwise demand --demo or --config before a subcommand (simulate, rotate-key).
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Mode mode;

    /** Demo or configured: exactly one (checked in {@link #call()}). */
    static final class Mode {
        @Option(names = "--demo", required = true, description = "Run the demo till on demo data (made on first use).")
        private boolean demo;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "Run the till configured in FILE (docs/till-config.md).")
        private Path config;
    }

    @Option(names = "--check", description = "With --config: validate the file, print the effective settings and exit; opens no window and no data.")
    private boolean check;

    @Option(names = "--install", paramLabel = "REGISTRY_DIR", description = "With --config and --policy: import a registry export "
            + "(elders, cards, canteens, menu, staff.csv if present) and the policy file into the till's data, journalled, then exit.")
    private Path install;

    @Option(names = "--policy", paramLabel = "FILE", description = "With --install: the subsidy policy file the till sells under.")
    private Path policy;

    @Option(names = "--dir", defaultValue = "var/demo", description = "Demo directory. Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--policies", description = "Directory of policy files. Default: policies/ of the Yishi installation.")
    private Path policies;

    @Option(names = "--printer", defaultValue = "screen:", description = "Demo: tcp://HOST:9100, file:/dev/usb/lp0, cups:QUEUE or screen: (default).")
    private String printer;

    @Option(names = "--pcsc", description = "Demo: also watch PC/SC card readers.")
    private boolean pcsc;

    @Option(names = "--no-customer-display", description = "Do not open the customer display window.")
    private boolean noCustomerDisplay;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the till from a script instead of a window: JSON lines "
            + "in (FILE, or - for standard input), one JSON line out per line (docs/till-script.md). Exit 0 every line carried "
            + "out, 1 one could not be, 2 malformed script.")
    private Path script;

    @Option(names = "--screenshots", description = "Demo: walk the windows through a demo, save a PNG of each screen in this directory, then exit (scripts/screenshots.sh).")
    private Path screenshots;

    /** The root command, for subcommands ({@code simulate}, {@code rotate-key}). */
    YishiCommand root() {
        return root;
    }

    @Override
    public Integer call() {
        if (mode == null) {
            root.err().println(root.messages().get("till.mode.missing"));
            return 2;
        }
        if (mode.config != null) {
            return configured(mode.config);
        }
        if (check) {
            root.err().println(root.messages().get("till.check.demo"));
            return 2;
        }
        Path policiesDir = YishiCommand.policiesDir(policies);
        String lang = root.language();
        if (script != null) {
            return runScript(DemoTill.ZONE, clock -> DemoTill.open(dir, policiesDir, clock, lang, PrinterTarget.parse(printer)));
        }
        return new Launcher(System.out).run(new TillLaunch(dir, policiesDir, lang, printer, pcsc, !noCustomerDisplay,
                Optional.ofNullable(screenshots)));
    }

    private int configured(Path file) {
        if (check && (install != null || policy != null)) {
            root.err().println(root.messages().get("till.install.both"));
            return 2;
        }
        CliMessages m = root.messages();
        ConfiguredTill till;
        try {
            till = new TillConfigMapping().load(file);
        } catch (TillConfigException e) {
            root.err().println(m.get("till.config.invalid", file, e.total()));
            for (Problem problem : e.problems()) {
                root.err().println("  " + problem);
            }
            return 2;
        }
        if (check) {
            printSettings(till, root.out(), m);
            return 0;
        }
        if (install != null || policy != null) {
            return install(till, m);
        }
        if (script != null) {
            return runScript(till.setup().zone(), clock -> attachServer(till.open(clock), file));
        }
        Clock clock = till.clock();
        Till opened;
        try {
            opened = till.open(clock);
        } catch (IllegalStateException e) {
            root.err().println(m.get("till.config.notReady", till.setup().tillId(), till.setup().dataDir(), e.getMessage()));
            return 1;
        }
        String lang = root.language() != null ? root.language() : till.setup().language();
        // An enrolled till (sync.properties beside till.yaml) syncs in the background while it sells.
        attachServer(opened, file);
        java.util.Optional<org.yishi.till.sync.BackgroundSync> sync = enrolled(file)
                ? java.util.Optional.of(new org.yishi.till.sync.BackgroundSync(opened.store(), org.yishi.till.sync.SyncSettings.beside(file),
                        till.setup().tillId(), clock, java.time.Duration.ofSeconds(15), java.time.Duration.ofMinutes(5)).start())
                : java.util.Optional.empty();
        try {
            return new Launcher(System.out).runConfigured(opened, clock, lang, till.pcsc(),
                    till.customerDisplay() && !noCustomerDisplay);
        } finally {
            sync.ifPresent(org.yishi.till.sync.BackgroundSync::close);
        }
    }

    private static boolean enrolled(Path configFile) {
        return Files.isRegularFile(configFile.toAbsolutePath().getParent().resolve(org.yishi.till.sync.SyncSettings.FILE));
    }

    /** On an enrolled till, the checkout asks the server's online check and the status bar reports the connection. */
    private static Till attachServer(Till till, Path configFile) {
        if (enrolled(configFile)) {
            org.yishi.till.sync.SyncSettings settings = org.yishi.till.sync.SyncSettings.beside(configFile);
            till.attach(new org.yishi.till.sync.OnlineUsageCheck(till.store(), settings, till.clock()), settings.offlineAlertAfter());
        }
        return till;
    }

    private int runScript(ZoneId zone, Function<Clock, Till> open) {
        try (BufferedReader in = script.toString().equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            return TillScript.run(in, zone, open, root.out(), root.err()).exitCode();
        } catch (NoSuchFileException e) {
            root.err().println(root.messages().get("till.script.missing", script));
            return 2;
        } catch (IOException e) {
            root.err().println(root.messages().get("till.script.unreadable", script, e.getMessage()));
            return 2;
        } catch (IllegalStateException e) {
            root.err().println(root.messages().get("till.script.notReady", e.getMessage()));
            return 1;
        }
    }

    private int install(ConfiguredTill till, CliMessages m) {
        if (install == null || policy == null) {
            root.err().println(m.get("till.install.both"));
            return 2;
        }
        TillInstaller.Report report;
        try {
            report = TillInstaller.install(till.setup(), install, policy, till.clock());
        } catch (IllegalArgumentException | IllegalStateException e) {
            root.err().println(m.get("till.install.failed", till.setup().tillId(), e.getMessage()));
            return 1;
        }
        ImportLines lines = new ImportLines(m);
        root.out().println(lines.export(install, report.manifest()));
        for (ImportReport r : report.imports()) {
            lines.print(root.out(), r);
        }
        report.staff().ifPresent(s -> root.out().println(m.get("till.install.staff", s.imported(), s.refused().size())));
        root.out().println(m.get("till.install.done", till.setup().tillId(), till.setup().dataDir(), report.policy()));
        boolean rejected = report.imports().stream().anyMatch(r -> r.rejected() > 0)
                || report.staff().map(s -> !s.refused().isEmpty()).orElse(false);
        return rejected ? 1 : 0;
    }

    private static void printSettings(ConfiguredTill c, PrintWriter out, CliMessages m) {
        var s = c.setup();
        out.println(m.get("till.check.ok", c.config().file()));
        out.println(m.get("till.check.till", s.tillId(), s.canteenId(), s.policyId(), s.zone(), s.language()));
        out.println(m.get("till.check.data", s.dataDir()));
        out.println(m.get("till.check.printer", s.printer().spec(), s.paperMm()));
        out.println(c.pcsc().map(p -> m.get("till.check.pcsc", String.valueOf(p.debounce().toMillis()),
                p.readerFilter().isEmpty() ? "*" : p.readerFilter(), p.uidReversed() ? 1 : 0,
                p.elderFile().map(f -> HexFormat.of().withUpperCase().formatHex(f.aid())).orElse("—")))
                .orElse(m.get("till.check.noReaders")));
        out.println(s.trustedQrKeys().isEmpty() ? m.get("till.check.noQr")
                : m.get("till.check.qr", String.join(", ", new java.util.TreeSet<>(s.trustedQrKeys().keySet())),
                        c.config().trustedQrKeys().map(Path::toString).orElse("")));
        var staff = c.staff();
        out.println(m.get("till.check.staff", staff.idleLockAfter().toMinutes(), staff.maxFailedAttempts(),
                staff.lockoutDuration().toMinutes(), staff.allowSelfApproval() ? 1 : 0, staff.approvalValidFor().toSeconds()));
        out.println(m.get("till.check.display", c.customerDisplay() ? 1 : 0));
    }
}
