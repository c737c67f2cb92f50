package org.yishi.config.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.FundingPart;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.core.policy.SubsidyRule;

/** Reads one entry of {@code rules:}: a subsidy tier with its eligibility, formula, cap and funding. */
final class RuleReader {

    static final List<String> KEYS = List.of("id", "name", "group", "eligibility", "formula", "cap", "cap_fen", "funding",
            "effective_from", "effective_to");
    static final List<String> FORMULA_KEYS = List.of("fixed", "fixed_fen", "copay", "copay_fen", "percent");
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final String ID_RULE = "lower-case letters, digits, _ . - (at most 64), starting with a letter or digit";
    static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    static final String DEFAULT_GROUP = "main";

    private final ValueReader values;
    private final EligibilityReader eligibility;
    private final FundingReader funding;
    private final PolicyDates policyDates;

    RuleReader(ValueReader values, References refs, PolicyDates policyDates) {
        this.values = values;
        this.eligibility = new EligibilityReader(values, refs);
        this.funding = new FundingReader(values, refs);
        this.policyDates = policyDates;
    }

    /** The rule's id as written, if readable — used to resolve references even when the rule has other problems. */
    static Optional<String> peekId(Node node) {
        return Peek.scalar(node, "id").filter(id -> ID.matcher(id).matches());
    }

    Optional<SubsidyRule> read(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        Optional<String> id = f.require("id").flatMap(n -> values.code(n, f.path("id"), ID, ID_RULE));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        String group = f.get("group").flatMap(n -> values.code(n, f.path("group"), GROUP, "lower-case letters, digits and _"))
                .orElse(DEFAULT_GROUP);
        Optional<Eligibility> who = f.require("eligibility").flatMap(n -> eligibility.read(n, f.path("eligibility")));
        int formulaBefore = values.problems().total();
        Optional<SubsidyFormula> formula = f.require("formula").flatMap(n -> formula(n, f.path("formula")));
        OptionalLong cap = values.amount(f, "cap", false).map(OptionalLong::of).orElse(OptionalLong.empty());
        cap.ifPresent(c -> {
            if (c == 0) {
                values.problems().add(f.get(f.has("cap") ? "cap" : "cap_fen").orElseThrow(), f.path("cap"),
                        "cap 0 means the rule never grants anything; remove the rule instead");
            }
        });
        boolean formulaAndCapValid = values.problems().total() == formulaBefore;
        Optional<List<FundingPart>> parts = f.require("funding").flatMap(n -> funding.read(n, f.path("funding"),
                formulaAndCapValid ? formula : Optional.empty(), cap));
        Optional<LocalDate> from = f.get("effective_from").flatMap(n -> values.date(n, f.path("effective_from")));
        Optional<LocalDate> to = f.get("effective_to").flatMap(n -> values.date(n, f.path("effective_to")));
        policyDates.checkWithin(f, from, to, "rule");
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        return Optional.of(new SubsidyRule(id.orElseThrow(), name.orElseThrow(), group, who.orElseThrow(), formula.orElseThrow(),
                cap, parts.orElseThrow(), from, to));
    }

    private Optional<SubsidyFormula> formula(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), FORMULA_KEYS);
        long kinds = FORMULA_KEYS.stream().filter(f::has).map(k -> k.replace("_fen", "")).distinct().count();
        if (kinds == 0) {
            if (values.problems().total() == before) {
                values.problems().add(node, path, "give one of fixed: (amount), copay: (amount) or percent: (e.g. 25%)");
            }
            return Optional.empty();
        }
        if (kinds > 1) {
            values.problems().add(node, path, "give only one of fixed, copay or percent");
            return Optional.empty();
        }
        if (f.has("fixed") || f.has("fixed_fen")) {
            return values.amount(f, "fixed", true).flatMap(fen -> {
                if (fen == 0) {
                    values.problems().add(f.get(f.has("fixed") ? "fixed" : "fixed_fen").orElseThrow(), f.path("fixed"),
                            "a fixed subsidy of 0 grants nothing");
                    return Optional.empty();
                }
                return Optional.of(new SubsidyFormula.Fixed(fen));
            });
        }
        if (f.has("copay") || f.has("copay_fen")) {
            return values.amount(f, "copay", true).map(SubsidyFormula.Copay::new);
        }
        Node n = f.get("percent").orElseThrow();
        return values.basisPoints(n, f.path("percent")).flatMap(bp -> {
            if (bp == 0) {
                values.problems().add(n, f.path("percent"), "a subsidy of 0% grants nothing");
                return Optional.empty();
            }
            return Optional.of(new SubsidyFormula.Percent(bp));
        });
    }
}
