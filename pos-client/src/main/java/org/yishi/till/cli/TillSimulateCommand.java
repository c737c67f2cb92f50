package org.yishi.till.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.yishi.till.simulate.TillSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code yishi till simulate}: a till that has worked for years, for benchmarks and checks (docs/benchmarks.md). */
@Command(name = "simulate", description = "Write a till that has traded for DAYS days (ending yesterday) through the real store, "
        + "desk and journal: lunches and dinners by card, walk-ins, voids, refunds, reprints, ratings, shift opens and closes, "
        + "a registry import every month. One fsync per record, as at the counter (no batching). Writes DIR/till.yaml "
        + "(demo staff 1001/1234, 2001/9999; PIN hashes at bcrypt cost 4 so years of logins run fast) so "
        + "'till --config DIR/till.yaml' and 'journal verify DIR/till' work on it.")
final class TillSimulateCommand implements Callable<Integer> {

    @ParentCommand
    private TillCommand till;

    @Option(names = "--dir", required = true, description = "A new directory: registry/, till/ and till.yaml are written there.")
    private Path dir;

    @Option(names = "--days", required = true, description = "Days of trade, ending yesterday (a 3-year till: 1095).")
    private int days;

    @Option(names = "--meals-per-day", required = true, description = "Meals sold a day, 60 % at lunch and 40 % at dinner.")
    private int mealsPerDay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random choices. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--policies", description = "Directory of policy files. Default: policies/ of the Yishi installation.")
    private Path policies;

    @Override
    public Integer call() {
        YishiCommand root = till.root();
        CliMessages m = root.messages();
        Path policiesDir = YishiCommand.policiesDir(policies);
        TillSimulation.Options options;
        try {
            options = new TillSimulation.Options(dir, policiesDir, days, mealsPerDay, seed);
        } catch (IllegalArgumentException e) {
            root.err().println(m.get("till.simulate.bad", e.getMessage()));
            return 2;
        }
        TillSimulation.Report r;
        try {
            r = new TillSimulation(options).run(day -> {
                if (day.day().getDayOfMonth() == 1) {
                    root.out().println(m.get("till.simulate.progress", day.day(), day.records()));
                }
            });
        } catch (IllegalStateException e) {
            root.err().println(m.get("till.simulate.failed", e.getMessage()));
            return 1;
        }
        root.out().println(m.get("till.simulate.done", r.dataDir(), r.firstDay(), r.lastDay(), r.records(), r.sales(), r.voids(),
                r.refunds(), r.reprints(), r.ratings(), r.refusals(), r.elapsed().toSeconds()));
        root.out().println(m.get("till.simulate.next", r.config(), r.dataDir()));
        return 0;
    }
}
