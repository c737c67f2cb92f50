package org.yishi.config.policy;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Looks up a scalar key without reporting anything: the first pass that collects the names (funder codes,
 * rule ids) other entries refer to, before the full, problem-reporting read.
 */
final class Peek {

    private Peek() {
    }

    static Optional<String> scalar(Node mapping, String key) {
        return node(mapping, key).filter(ScalarNode.class::isInstance).map(v -> ((ScalarNode) v).getValue().strip());
    }

    static Optional<Node> node(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) {
            return Optional.empty();
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }
}
