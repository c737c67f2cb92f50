package org.yishi.config.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryMatcher;

/**
 * Reads an eligibility's {@code categories:} mapping ({@code docs/policy-format.md#categories-conditions}):
 * {@code any:}, {@code all:} and/or {@code none:}, each a list whose entries are a category ({@code code},
 * {@code code:N}, {@code code:N-M}) or one nested {@code {any|all|none: [categories]}}. The keys given must all
 * hold.
 *
 * <p>Nesting stops at one level on purpose: "低保 or 低保边缘, and severely disabled" needs one, and a deeper
 * expression is one the officer signing the policy off can no longer check by reading it.
 */
final class CategoryConditionReader {

    static final List<String> KEYS = List.of("any", "all", "none");

    private final ValueReader values;
    private final References refs;

    CategoryConditionReader(ValueReader values, References refs) {
        this.values = values;
        this.refs = refs;
    }

    /** The condition, or empty when the mapping has problems (each reported). */
    Optional<CategoryCondition> read(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        List<CategoryCondition> parts = new ArrayList<>();
        for (String key : KEYS) {
            f.get(key).ifPresent(list -> parts.add(combine(key, entries(list, f.path(key), true))));
        }
        if (f.isMapping() && parts.isEmpty() && values.problems().total() == before) {
            values.problems().add(node, path, "give any: [...], all: [...] and/or none: [...]");
        }
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        return Optional.of(parts.size() == 1 && parts.get(0) instanceof CategoryCondition.AllOf ? parts.get(0)
                : new CategoryCondition.AllOf(parts));
    }

    private static CategoryCondition combine(String key, List<CategoryCondition> entries) {
        return switch (key) {
            case "any" -> new CategoryCondition.AnyOf(entries);
            case "all" -> new CategoryCondition.AllOf(entries);
            case "none" -> new CategoryCondition.NoneOf(entries);
            default -> throw new IllegalArgumentException("not a category key: " + key);
        };
    }

    /** The entries of one any/all/none list; {@code top} says whether a nested condition may appear in it. */
    private List<CategoryCondition> entries(Node list, String path, boolean top) {
        List<CategoryCondition> out = new ArrayList<>();
        if (list instanceof SequenceNode s && s.getValue().isEmpty()) {
            values.problems().add(list, path, "empty list: name at least one category, or leave the key out");
            return out;
        }
        if (list instanceof MappingNode) {
            values.problems().add(list, path, "must be a list of categories, not a mapping: write ["
                    + (top ? "a, b] or [{any: [a, b]}, c]" : "a, b]"));
            return out;
        }
        List<Node> items = values.list(list, path);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = ValueReader.item(path, i);
            entry(item, p, top).ifPresent(c -> {
                if (out.contains(c)) {
                    values.problems().add(item, p, "category condition " + c + " listed twice");
                } else {
                    out.add(c);
                }
            });
        }
        return out;
    }

    private Optional<CategoryCondition> entry(Node item, String path, boolean top) {
        if (item instanceof SequenceNode) {
            values.problems().add(item, path, "must be a category (code, code:N or code:N-M)"
                    + (top ? " or a nested {any|all|none: [...]}" : "") + ", not a list");
            return Optional.empty();
        }
        if (item instanceof MappingNode m) {
            return top ? nested(m, path) : tooDeep(m, path);
        }
        return values.text(item, path).flatMap(text -> matcher(item, path, text));
    }

    private Optional<CategoryCondition> nested(MappingNode m, String path) {
        Optional<String> gradeTypo = gradeWrittenAsMapping(m);
        if (gradeTypo.isPresent()) {
            values.problems().add(m, path, "\"" + gradeTypo.get() + "\" reads as a key and a value; write the category"
                    + " quoted without a space after the colon: \"" + gradeTypo.get().replace(": ", ":") + "\"");
            return Optional.empty();
        }
        int before = values.problems().total();
        Fields f = Fields.of(m, path, values.problems(), KEYS);
        List<String> given = KEYS.stream().filter(f::has).toList();
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        if (given.size() != 1) {
            values.problems().add(m, path, given.isEmpty() ? "a nested condition needs one key, any:, all: or none:, with a list"
                    : "a nested condition has exactly one key, any:, all: or none: (found " + String.join(", ", given)
                    + "); write each as its own entry");
            return Optional.empty();
        }
        String key = given.get(0);
        List<CategoryCondition> entries = entries(f.get(key).orElseThrow(), f.path(key), false);
        return values.problems().total() > before ? Optional.empty() : Optional.of(combine(key, entries));
    }

    private Optional<CategoryCondition> tooDeep(MappingNode m, String path) {
        values.problems().add(m, path, "nested too deeply: categories nest one level (a list under any:/all:/none:"
                + " may hold one {any|all|none: [...]} of plain categories, not another); split the condition or"
                + " state it with the top-level keys");
        return Optional.empty();
    }

    /** {@code - disabled: 1-2} is YAML for a mapping; the officer meant the category {@code disabled:1-2}. */
    private static Optional<String> gradeWrittenAsMapping(MappingNode m) {
        if (m.getValue().size() != 1) {
            return Optional.empty();
        }
        NodeTuple t = m.getValue().get(0);
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v && !KEYS.contains(k.getValue())
                && v.getValue().matches("\\d+(-\\d+)?")) {
            return Optional.of(k.getValue() + ": " + v.getValue());
        }
        return Optional.empty();
    }

    private Optional<CategoryCondition> matcher(Node item, String path, String text) {
        CategoryMatcher m;
        try {
            m = CategoryMatcher.parse(text);
        } catch (IllegalArgumentException e) {
            values.problems().add(item, path, e.getMessage());
            return Optional.empty();
        }
        Optional<String> wrong = refs.categories().check(m);
        if (wrong.isPresent()) {
            values.problems().add(item, path, wrong.get());
            return Optional.empty();
        }
        return Optional.of(m);
    }
}
