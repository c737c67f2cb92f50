package org.yishi.config.policy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.YamlSource;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.Locality;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.core.policy.SubsidyRule;

/**
 * Warnings for policy authors ({@code yishi policy check}, {@code docs/policy-format.md#warnings-policy-check}):
 * things a file may legally say but almost certainly does not mean. Unlike the loader's problems they never stop
 * a file loading — some are deliberate (a limit on one tier only) — so they are reported apart and do not fail
 * the check.
 *
 * <p>Works on the loaded {@link Policy}, whose lists keep file order, so a warning's field path is the one the
 * author sees; the line is looked up in the file's YAML afterwards.
 */
public final class PolicyLint {

    /** A district code is six digits (GB/T 2260); {@code registered_in} is matched against it. */
    private static final int DISTRICT_DIGITS = 6;

    /** Warnings for a file that has loaded as {@code policy}, with lines from the file (0 when it cannot be re-read). */
    public List<Problem> check(Path file, Policy policy) {
        Optional<Node> root = YamlSource.read(file, new Problems(file.toString()));
        return check(file.toString(), root, policy);
    }

    /** Warnings for {@code policy}, positioned in {@code root} when given. */
    public List<Problem> check(String fileName, Optional<Node> root, Policy policy) {
        List<Problem> out = new ArrayList<>();
        Warn warn = (path, message) -> {
            Optional<Node> at = root.flatMap(r -> nearest(r, path));
            int line = at.flatMap(Node::getStartMark).map(m -> m.getLine() + 1).orElse(0);
            int column = at.flatMap(Node::getStartMark).map(m -> m.getColumn() + 1).orElse(0);
            out.add(new Problem(fileName, line, column, path, message));
        };
        limitsMissingRulesOfTheirGroup(policy, warn);
        List<SubsidyRule> rules = policy.rules();
        for (int i = 0; i < rules.size(); i++) {
            neverMatches(policy, rules.get(i), "rules[" + i + "]", warn);
            copayOutsideTheFirstGroup(policy, rules.get(i), "rules[" + i + "]", warn);
        }
        // In file order, like the loader's problems, whichever check found them.
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return out;
    }

    @FunctionalInterface
    private interface Warn {
        void at(String path, String message);
    }

    /** A limit that lists rules by hand silently leaves out a tier added to the same group later. */
    private static void limitsMissingRulesOfTheirGroup(Policy policy, Warn warn) {
        for (int l = 0; l < policy.limits().size(); l++) {
            Limit limit = policy.limits().get(l);
            if (limit.rules().isEmpty()) {
                continue;
            }
            Set<String> groups = new TreeSet<>();
            for (SubsidyRule r : policy.rules()) {
                if (limit.rules().contains(r.id())) {
                    groups.add(r.group());
                }
            }
            for (SubsidyRule r : policy.rules()) {
                if (!limit.rules().contains(r.id()) && groups.contains(r.group())) {
                    warn.at("limits[" + l + "].rules", "limit " + limit.id() + " lists rules of group " + r.group()
                            + " but not " + r.id() + ": meals under " + r.id() + " are not counted or limited by it;"
                            + " add " + r.id() + " to rules:, or leave rules: out to cover every rule");
                }
            }
        }
    }

    private static void neverMatches(Policy policy, SubsidyRule rule, String path, Warn warn) {
        Eligibility e = rule.eligibility();
        String never = "rule " + rule.id() + " can never apply: ";
        CategorySatisfiability.satisfiable(e.categories(), policy.categories()).filter(ok -> !ok).ifPresent(ok ->
                warn.at(path + ".eligibility.categories", never + "no elder can meet its categories"
                        + " (each category counted as recorded at most once per elder, with one grade)"));
        for (String prefix : e.registeredIn()) {
            if (prefix.length() > DISTRICT_DIGITS) {
                warn.at(path + ".eligibility.registered_in", (e.registeredIn().size() == 1 ? never : "rule " + rule.id() + ": ")
                        + "registered_in \"" + prefix + "\" is longer than a district code (" + DISTRICT_DIGITS
                        + " digits), so no elder's registered district starts with it");
            }
        }
        // Only a registered home is tied to registered_in; where he lives (home: resident) may be anywhere.
        if (e.locality() != Locality.ANYWHERE && !e.locality().byResidence() && !policy.appliesAt().isEmpty() && !e.registeredIn().isEmpty()
                && e.registeredIn().stream().noneMatch(r -> policy.appliesAt().stream().anyMatch(a -> r.startsWith(a) || a.startsWith(r)))) {
            warn.at(path + ".eligibility.eats_in", never + "it needs the elder to eat in his home "
                    + (e.locality() == Locality.HOME_TOWN ? "town" : "district") + ", but he is registered in "
                    + e.registeredIn() + " and the policy covers only canteens in " + policy.appliesAt());
        }
        neverOnItsDays(policy, rule, path, never, warn);
    }

    /** A rule in force for less than a week may have no day among its weekdays. */
    private static void neverOnItsDays(Policy policy, SubsidyRule rule, String path, String never, Warn warn) {
        Set<DayOfWeek> weekdays = rule.eligibility().weekdays();
        LocalDate from = rule.effectiveFrom().orElse(policy.effectiveFrom());
        Optional<LocalDate> to = rule.effectiveTo().or(policy::effectiveTo);
        if (weekdays.isEmpty() || to.isEmpty() || !from.plusDays(7).isAfter(to.get())) {
            return;
        }
        for (LocalDate d = from; !d.isAfter(to.get()); d = d.plusDays(1)) {
            if (weekdays.contains(d.getDayOfWeek())) {
                return;
            }
        }
        warn.at(path + ".eligibility.weekdays", never + "it is in force " + from + " to " + to.get()
                + " and none of those days is one of its weekdays");
    }

    /**
     * Every group's formula is taken of the full eligible price ({@code docs/engine.md}), so a copay in a later group
     * does not leave the elder paying it: he usually pays nothing.
     */
    private static void copayOutsideTheFirstGroup(Policy policy, SubsidyRule rule, String path, Warn warn) {
        String firstGroup = policy.rules().get(0).group();
        if (rule.formula() instanceof SubsidyFormula.Copay c && !rule.group().equals(firstGroup)) {
            warn.at(path + ".formula.copay", "rule " + rule.id() + " (group " + rule.group() + ") stacks on group " + firstGroup
                    + ", and its copay is worked out from the full price, not from what the elder still pays: he pays less"
                    + " than " + c.fen() + " fen, usually nothing; write a top-up as fixed or percent");
        }
    }

    /** The node at {@code path}, or at the closest enclosing path that exists ({@code copay_fen} for {@code copay}). */
    private static Optional<Node> nearest(Node root, String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Optional<Node> at = locate(root, p);
            if (at.isPresent()) {
                return at;
            }
        }
        return Optional.empty();
    }

    /** The node at a field path such as {@code limits[0].rules} or {@code rules[2].eligibility.categories}. */
    static Optional<Node> locate(Node root, String path) {
        Node at = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            at = value(at, key);
            if (at == null) {
                return Optional.empty();
            }
            if (bracket >= 0) {
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                if (!(at instanceof SequenceNode s) || index >= s.getValue().size()) {
                    return Optional.empty();
                }
                at = s.getValue().get(index);
            }
        }
        return Optional.of(at);
    }

    private static Node value(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }
}
