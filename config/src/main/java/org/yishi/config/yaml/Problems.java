package org.yishi.config.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects every problem found in one file instead of stopping at the first, so one run of the checker
 * shows the officer everything to fix. Bounded: a garbage file must not produce a million messages.
 */
public final class Problems {

    /** More than this many problems and the rest are counted, not kept. */
    public static final int MAX_KEPT = 200;

    private final String file;
    private final List<Problem> kept = new ArrayList<>();
    private int total;

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** A problem at a node's start. */
    public void add(Node at, String path, String message) {
        Mark m = at == null ? null : at.getStartMark().orElse(null);
        add(m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, message);
    }

    /** A problem at a 1-based line and column (0 when unknown). */
    public void add(int line, int column, String path, String message) {
        total++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new Problem(file, line, column, path, message));
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** All problems found, including those not kept. */
    public int total() {
        return total;
    }

    /** The kept problems, ordered by position in the file (problems without a position first). */
    public List<Problem> list() {
        return kept.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }
}
