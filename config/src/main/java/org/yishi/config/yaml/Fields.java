package org.yishi.config.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The keys of one YAML mapping, checked against the keys allowed there. Unknown keys (typos: {@code cpa:}
 * for {@code cap:}) and repeated keys are problems, never silently ignored: an ignored typo in a policy file
 * is a subsidy paid wrongly. A key with an empty value ({@code effective_to:}) counts as absent.
 */
public final class Fields {

    private final Node node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries;
    private final boolean mapping;

    private Fields(Node node, String path, Problems problems, Map<String, NodeTuple> entries, boolean mapping) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.entries = entries;
        this.mapping = mapping;
    }

    /**
     * Reads {@code node} as a mapping. When it is not one, the problem is recorded and an empty view returned,
     * so callers go on to report their missing keys without special cases.
     */
    public static Fields of(Node node, String path, Problems problems, List<String> allowed) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, path, "must be a mapping of keys (" + String.join(", ", allowed) + "), not " + Shapes.describe(node));
            return new Fields(node, path, problems, entries, false);
        }
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
                problems.add(t.getKeyNode(), path, "keys must be plain words");
                continue;
            }
            String name = key.getValue();
            NodeTuple earlier = entries.get(name);
            if (earlier != null) {
                problems.add(key, join(path, name), "key appears twice (first on line "
                        + (earlier.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0)) + ")");
                continue;
            }
            if (!allowed.contains(name)) {
                problems.add(key, join(path, name), "unknown key \"" + name + "\"" + Suggestions.hint(name, allowed)
                        + "; allowed here: " + String.join(", ", allowed));
                continue;
            }
            entries.put(name, t);
        }
        return new Fields(node, path, problems, entries, true);
    }

    /** The value of an optional key, empty when absent or written without a value. */
    public Optional<Node> get(String key) {
        NodeTuple t = entries.get(key);
        if (t == null || t.getValueNode().getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    /**
     * The value of a required key; a problem (at the mapping, or at the key when the value is empty) if missing.
     * When the node was not a mapping at all, that one problem has been reported and missing keys are not.
     */
    public Optional<Node> require(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) {
            if (mapping) {
                problems.add(node, path, "missing required key \"" + key + "\"");
            }
            return Optional.empty();
        }
        if (t.getValueNode().getTag().equals(Tag.NULL)) {
            problems.add(t.getKeyNode(), join(path, key), "has no value");
            return Optional.empty();
        }
        return Optional.of(t.getValueNode());
    }

    /** Whether the node was a mapping (if not, the problem is already reported). */
    public boolean isMapping() {
        return mapping;
    }

    public boolean has(String key) {
        return get(key).isPresent();
    }

    /** The field path of a key in this mapping, e.g. {@code rules[2].cap}. */
    public String path(String key) {
        return join(path, key);
    }

    public String path() {
        return path;
    }

    public Node node() {
        return node;
    }

    public Problems problems() {
        return problems;
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
