package org.yishi.till.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.yishi.config.calendar.CalendarCoverage;
import org.yishi.config.policy.PolicyFileException;
import org.yishi.config.policy.PolicyLint;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.yaml.Problem;
import org.yishi.core.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code yishi policy …} in the till's jar: checking subsidy policy files, as a till loads them. */
@Command(name = "policy", description = "Subsidy policy files: check them (simulating one on purchases: the administrator's `policy simulate`).",
        subcommands = PolicyCommand.Check.class)
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
}
