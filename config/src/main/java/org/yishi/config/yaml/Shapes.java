package org.yishi.config.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Names a node's shape the way an officer would understand it in an error message. */
final class Shapes {

    private Shapes() {
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping (key: value lines)";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return "the value \"" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "\"";
        }
        return "nothing";
    }
}
