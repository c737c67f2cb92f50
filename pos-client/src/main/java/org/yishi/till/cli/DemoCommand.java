package org.yishi.till.cli;

import org.yishi.till.ui.Launcher;
import org.yishi.till.ui.TillLaunch;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yishi.cli.Messages;
import org.yishi.cli.journal.JournalCommand;
import org.yishi.core.money.Money;
import org.yishi.receipts.layout.TextWidth;
import org.yishi.till.demo.LunchRush;
import org.yishi.till.store.registry.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yishi demo}: one lunchtime at a demo till, end to end, then the journal verified. */
@Command(name = "demo", description = "Start the JavaFX demo till (same as: till --demo). With --headless, or where there is no "
        + "display: run a text-mode demo till through a lunchtime on demo data (embedded H2), then verify its journal.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private YishiCommand root;

    @Option(names = "--dir", defaultValue = "var/demo", description = "Demo directory (registry/ and till/). Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--policies", description = "Directory of policy files. Default: policies/ of the Yishi installation.")
    private Path policies;

    @Option(names = "--elders", defaultValue = "2000", description = "Size of the demo registry when it is first made. Default: ${DEFAULT-VALUE}.")
    private int elders;

    @Option(names = "--customers", defaultValue = "24", description = "Regular customers in the queue. Default: ${DEFAULT-VALUE}.")
    private int customers;

    @Option(names = "--headless", description = "Text mode: one scripted lunchtime printed as a table, no window.")
    private boolean headless;

    @Option(names = "--server", paramLabel = "URL", description = "A running settlement server (./yishi demo starts one): the demo "
            + "till is enrolled to it on the first run (DIR/server-demo/till) and syncs in the background while it sells.")
    private java.net.URI server;

    @Option(names = "--admin-password", paramLabel = "PASSWORD", defaultValue = "${env:YISHI_ADMIN_PASSWORD}",
            description = "With --server: the demo server's administrator password (default: $YISHI_ADMIN_PASSWORD).")
    private String adminPassword;

    @Override
    public Integer call() {
        CliMessages m = root.messages();
        if (server != null) {
            return withServer(m);
        }
        Path policiesDir = YishiCommand.policiesDir(policies);
        if (!headless && DisplayCheck.available()) {
            return new Launcher(System.out).run(new TillLaunch(dir, policiesDir, root.language(), "screen:", false, true, java.util.Optional.empty()));
        }
        var out = root.out();
        out.println(m.get("demo.title", LunchRush.TILL_ID, dir.toAbsolutePath()));
        out.println(columns(m.get("demo.col.time"), m.get("demo.col.seq"), m.get("demo.col.customer"), m.get("demo.col.tier"),
                m.get("demo.col.price"), m.get("demo.col.subsidy"), m.get("demo.col.copay"), m.get("demo.col.note")));
        LunchRush.Outcome o = new LunchRush(root.language()).run(new LunchRush.Options(dir, policiesDir, elders, customers), line -> {
            String note = !line.note().isEmpty() ? line.note()
                    : line.mealsLeftToday().isPresent() ? m.get("demo.left", line.mealsLeftToday().getAsInt()) : "";
            String who = line.maskedName().isEmpty() ? m.get("demo.walkin") : line.maskedName() + " " + m.get("demo.age", line.age());
            out.println(columns(line.time().withNano(0).toString(), line.seq().map(String::valueOf).orElse("—"), who, line.tier(),
                    Money.ofFen(line.priceFen()).toString(), Money.ofFen(line.subsidyFen()).toString(),
                    Money.ofFen(line.copayFen()).toString(), note));
        });
        out.println(m.get("demo.day", o.day(), o.shiftNo()));
        ImportLines imports = new ImportLines(m);
        for (ImportReport r : o.imports()) {
            imports.print(out, r);
        }
        if (o.openReport().databaseRebuilt()) {
            out.println(m.get("demo.rebuilt", o.openReport().quarantinedTo().map(Path::toString).orElse("")));
        }
        var t = o.shiftTotals();
        out.println(m.get("demo.shift", t.sales(), Money.ofFen(t.priceFen()), Money.ofFen(t.subsidyFen()), Money.ofFen(t.copayFen())));
        // The verification is reported in journal verify's words.
        Messages journal = Messages.of(JournalCommand.MESSAGES, root.language());
        t.subsidyByFunder().forEach((funder, fen) -> out.println(journal.get("journal.funder", funder, Money.ofFen(fen))));
        var v = o.verification();
        out.println(journal.get(v.ok() ? "journal.ok" : "journal.failed", o.journalFile(), v.tillId(), v.recordsVerified(),
                v.linesRead(), v.lastSeq(), v.lastHash()));
        v.firstProblem().ifPresent(p -> out.println(journal.get("journal.problem", p.kind(), p.lineNumber(), p.seq(), p.message())));
        out.println(m.get("demo.next", o.journalFile()));
        return v.ok() ? 0 : 1;
    }

    /** The demo till enrolled to a running server: the window (syncing in the background), or one sync round headless. */
    private int withServer(CliMessages m) {
        if (adminPassword == null || adminPassword.isBlank()) {
            root.err().println(m.get("demo.server.noPassword"));
            return 2;
        }
        Path config = org.yishi.till.demo.ServerDemo.enrolledTill(server, adminPassword, dir.resolve("server-demo"), elders);
        root.out().println(m.get("demo.server.enrolled", org.yishi.till.demo.ServerDemo.TILL_ID, server, config));
        if (!headless && DisplayCheck.available()) {
            return YishiCommand.run(root.out(), root.err(), "till", "--config", config.toString());
        }
        return YishiCommand.run(root.out(), root.err(), "till", "sync", "--config", config.toString());
    }

    /** One row of the sales table, aligned by display width (Chinese characters take two columns). */
    private static String columns(String time, String seq, String who, String tier, String price, String subsidy,
            String copay, String note) {
        return TextWidth.padRight(time, 9) + TextWidth.padLeft(seq, 4) + "  " + TextWidth.padRight(who, 18)
                + TextWidth.padRight(tier, 26) + TextWidth.padLeft(price, 8) + TextWidth.padLeft(subsidy, 8)
                + TextWidth.padLeft(copay, 8) + "  " + note;
    }
}
