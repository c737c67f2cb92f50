package org.yishi.admin.demodata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import org.yishi.config.demo.DemoDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi demo-data}: writes a reproducible demo registry in the registry CSV formats, with the demo staff
 * (PIN hashes only) for every demo canteen.
 */
@Command(name = "demo-data", description = "Write a reproducible demo registry (elders, cards, canteens, menus, the demo staff, a month of purchases).")
public final class DemoDataCommand implements Callable<Integer> {

    private static final String MESSAGES = "org.yishi.admin.demodata.messages";

    @ParentCommand
    private CommandContext root;

    @Option(names = "--elders", defaultValue = "1000", description = "Number of elders (1..5000000). Default: ${DEFAULT-VALUE}.")
    private int elders;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same files. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--out", required = true, description = "Directory to write the CSV files into.")
    private Path out;

    @Option(names = "--as-of", defaultValue = "2026-11-01", description = "Day the registry describes. Default: ${DEFAULT-VALUE}.")
    private LocalDate asOf;

    @Option(names = "--month", defaultValue = "2026-10", description = "Month of the generated purchases. Default: ${DEFAULT-VALUE}.")
    private String month;

    @Option(names = "--purchase-elders", defaultValue = "2000", description = "How many elders get a month of purchases. Default: ${DEFAULT-VALUE}.")
    private int purchaseElders;

    @Override
    public Integer call() {
        Messages m = Messages.of(MESSAGES, root.language());
        long start = System.nanoTime();
        DemoDataGenerator.Options options = new DemoDataGenerator.Options(elders, seed, asOf, YearMonth.parse(month),
                Math.min(purchaseElders, elders), ZoneId.of("Asia/Shanghai"));
        DemoDataGenerator.Summary s = new DemoDataGenerator().generate(options, out);
        long ms = (System.nanoTime() - start) / 1_000_000;
        root.out().println(m.get("demo.written", out.toAbsolutePath(), s.elders(), s.cards(), s.canteens(), s.menuItems(), s.staff(), s.purchases(), ms));
        return 0;
    }
}
