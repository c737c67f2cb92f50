package org.yishi.admin.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yishi.cli.CommandContext;
import org.yishi.cli.Messages;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.policy.PolicyFileException;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.simulate.FunderTotal;
import org.yishi.config.simulate.ProviderTotal;
import org.yishi.config.simulate.Simulation;
import org.yishi.config.simulate.SimulationResult;
import org.yishi.core.money.Money;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code yishi policy …} in the administrator's jar: what a policy would cost, for finance staff. Checking a policy
 * file ({@code policy check}) is the till's too, and runs from the till's jar.
 */
@Command(name = "policy", description = "Subsidy policy files: simulate a policy on purchases (checking one: `policy check`).",
        subcommands = PolicyCommand.Simulate.class)
public final class PolicyCommand implements Callable<Integer> {

    private static final String MESSAGES = "org.yishi.admin.policy.messages";

    @ParentCommand
    CommandContext root;

    @Override
    public Integer call() {
        new CommandLine(this).usage(root.err());
        return 2;
    }

    /**
     * {@code yishi policy simulate}: what a policy would have granted on a file of purchases, purchase by purchase,
     * with limits tracked, and what it would cost each funder.
     */
    @Command(name = "simulate", description = "Run purchases through a policy in order; one line per purchase and totals per funder.")
    static final class Simulate implements Callable<Integer> {
        @ParentCommand
        private PolicyCommand parent;

        @Option(names = "--policy", required = true, description = "Policy YAML file.")
        private Path policyFile;

        @Option(names = "--purchases", required = true, description = "Purchases CSV (docs/simulate.md).")
        private Path purchases;

        @Option(names = "--out", description = "Result CSV; without it the CSV goes to standard output and the summary to standard error.")
        private Path out;

        @Option(names = "--funder-totals", description = "Also write the totals per funder as CSV here.")
        private Path funderTotals;

        @Override
        public Integer call() throws IOException {
            CommandContext root = parent.root;
            Messages m = Messages.of(MESSAGES, root.language());
            Policy policy;
            try {
                policy = new PolicyLoader().load(policyFile);
            } catch (PolicyFileException e) {
                root.err().println(m.get("policy.invalid", policyFile, e.total()));
                e.problems().forEach(p -> root.err().println("  " + p));
                return 1;
            }
            if (!Files.isRegularFile(purchases)) {
                root.err().println(m.get("simulate.missing", purchases));
                return 2;
            }
            SimulationResult result;
            PrintWriter report;
            try (BufferedReader in = Files.newBufferedReader(purchases, StandardCharsets.UTF_8)) {
                Simulation simulation = new Simulation(new SubsidyEngine());
                if (out == null) {
                    result = simulation.run(policy, in, root.out());
                    root.out().flush();
                    report = root.err();
                } else {
                    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        result = simulation.run(policy, in, w);
                    }
                    report = root.out();
                }
            } catch (CsvFormatException e) {
                root.err().println(m.get("simulate.badfile", purchases, e.getMessage()));
                return 1;
            }
            if (funderTotals != null) {
                try (Writer w = Files.newBufferedWriter(funderTotals, StandardCharsets.UTF_8)) {
                    result.writeFunderTotals(w);
                }
            }
            printSummary(report, m, result);
            return result.errors() == 0 ? 0 : 1;
        }

        private static void printSummary(PrintWriter w, Messages m, SimulationResult r) {
            w.println(m.get("simulate.rows", r.policyId(), r.policyVersion(), r.rows(), r.subsidised(), r.notSubsidised(), r.errors()));
            w.println(m.get("simulate.money", Money.ofFen(r.priceFen()), Money.ofFen(r.subsidyFen()), Money.ofFen(r.copayFen()),
                    Money.ofFen(r.providerFen())));
            for (FunderTotal f : r.funders()) {
                w.println(m.get("simulate.funder", f.code(), f.name(), f.meals(), Money.ofFen(f.mealSubsidyFen()),
                        Money.ofFen(f.providerFen()), Money.ofFen(f.totalFen())));
            }
            for (ProviderTotal p : r.providers()) {
                w.println(m.get("simulate.provider", p.ruleId(), p.funder(), p.grants(), Money.ofFen(p.fen())));
            }
            for (Map.Entry<String, Long> e : r.refusals().entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                w.println(m.get("simulate.refusal", e.getKey(), e.getValue()));
            }
            r.firstErrors().forEach(e -> w.println(m.get("simulate.error", e)));
            if (r.firstErrors().size() >= Simulation.MAX_ERRORS_KEPT) {
                w.println(m.get("simulate.more-errors"));
            }
            w.flush();
        }
    }
}
