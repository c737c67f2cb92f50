package org.yishi.config.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.LimitWindow;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.policy.ProviderSubsidyRule;

/** Reads one entry of {@code provider_subsidies:} (operator or delivery subsidies, not off the elder's bill). */
final class ProviderSubsidyReader {

    static final List<String> KEYS = List.of("id", "name", "role", "eligibility", "amount", "amount_fen", "funder",
            "requires_meal_subsidy", "window", "max_per_window");
    private static final Map<String, ProviderRole> ROLES = Choices.of("operator", ProviderRole.OPERATOR, "delivery", ProviderRole.DELIVERY);
    private static final int MOST_PER_WINDOW = 1000;

    private final ValueReader values;
    private final References refs;
    private final EligibilityReader eligibility;

    ProviderSubsidyReader(ValueReader values, References refs) {
        this.values = values;
        this.refs = refs;
        this.eligibility = new EligibilityReader(values, refs);
    }

    Optional<ProviderSubsidyRule> read(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        Optional<String> id = f.require("id").flatMap(n -> values.code(n, f.path("id"), RuleReader.ID, RuleReader.ID_RULE));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        Optional<ProviderRole> role = f.require("role").flatMap(n -> values.choice(n, f.path("role"), ROLES));
        Optional<Eligibility> who = f.require("eligibility").flatMap(n -> eligibility.read(n, f.path("eligibility")));
        Optional<Long> amount = values.amount(f, "amount", true);
        amount.filter(fen -> fen == 0).ifPresent(fen -> values.problems().add(
                f.get(f.has("amount") ? "amount" : "amount_fen").orElseThrow(), f.path("amount"), "an amount of 0 grants nothing"));
        Optional<String> funder = f.require("funder").flatMap(n -> values.text(n, f.path("funder"))
                .filter(code -> refs.funder(n, f.path("funder"), code, values.problems())));
        Optional<Boolean> requires = f.require("requires_meal_subsidy").flatMap(n -> values.bool(n, f.path("requires_meal_subsidy")));
        Optional<LimitWindow> window = f.get("window").flatMap(n -> values.choice(n, f.path("window"), LimitReader.WINDOWS));
        Optional<Integer> max = f.get("max_per_window").flatMap(n -> values.integer(n, f.path("max_per_window"), 1, MOST_PER_WINDOW));
        if (f.has("window") != f.has("max_per_window")) {
            values.problems().add(node, path, "give window and max_per_window together (e.g. window: day, max_per_window: 1), or neither");
        }
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        return Optional.of(new ProviderSubsidyRule(id.orElseThrow(), name.orElseThrow(), role.orElseThrow(), who.orElseThrow(),
                amount.orElseThrow(), funder.orElseThrow(), requires.orElseThrow(), window.orElse(null), max.orElse(0)));
    }
}
