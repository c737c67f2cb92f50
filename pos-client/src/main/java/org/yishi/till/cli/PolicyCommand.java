package org.yishi.till.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yishi.config.calendar.CalendarCoverage;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.policy.PolicyFileException;
import org.yishi.config.policy.PolicyLint;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.yaml.Problem;
import org.yishi.config.simulate.FunderTotal;
import org.yishi.config.simulate.ProviderTotal;
import org.yishi.config.simulate.Simulation;
import org.yishi.config.simulate.SimulationResult;
import org.yishi.core.money.Money;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yishi policy …}: subsidy policy files, for finance staff and administrators. */
@Command(name = "policy", description = "Subsidy policy files.", subcommands = {PolicyCommand.Check.class, PolicyCommand.Simulate.class})
final class PolicyCommand {

    @ParentCommand
    YishiCommand root;

    /**
     * {@code yishi policy check FILE…}: every problem of every file, with file, line and field, then the lint's
     * warnings for each file that loads ({@link PolicyLint}). Exit 1 when a file has problems; warnings alone exit 0.
     */
    @Command(name = "check", description = "Validate policy files; prints every problem with file, line and field.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        private PolicyCommand parent;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Policy YAML files.")
        private List<Path> files;

        @Override
        public Integer call() {
            YishiCommand root = parent.root;
            CliMessages m = root.messages();
            PolicyLoader loader = new PolicyLoader();
            PolicyLint lint = new PolicyLint();
            int bad = 0;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    root.out().println(m.get("policy.missing", file));
                    bad++;
                    continue;
                }
                try {
                    Policy p = loader.load(file);
                    root.out().println(m.get("policy.valid", file, p.id(), p.version(), p.name(), p.effectiveFrom(),
                            p.effectiveTo().map(Object::toString).orElse("—"), p.rules().size(), p.funders().size(),
                            p.mealSlots().size(), p.limits().size(), p.providerSubsidies().size()));
                    // Warnings never fail the check: some are deliberate (a limit on one tier only). The calendar's
                    // warnings (years not covered, provisional years) come after the lint's.
                    List<Problem> warnings = new java.util.ArrayList<>(lint.check(file, p));
                    for (String w : CalendarCoverage.warnings(p, java.time.LocalDate.now(p.zone()))) {
                        warnings.add(new Problem(file.toString(), 0, 0, "calendar", w));
                    }
                    if (!warnings.isEmpty()) {
                        root.out().println("  " + m.get("policy.warnings", warnings.size()));
                        for (Problem w : warnings) {
                            root.out().println("  " + m.get("policy.warning", w));
                        }
                    }
                } catch (PolicyFileException e) {
                    bad++;
                    root.out().println(m.get("policy.invalid", file, e.total()));
                    for (Problem problem : e.problems()) {
                        root.out().println("  " + problem);
                    }
                }
            }
            return bad == 0 ? 0 : 1;
        }
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
            YishiCommand root = parent.root;
            CliMessages m = root.messages();
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

        private static void printSummary(PrintWriter w, CliMessages m, SimulationResult r) {
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
