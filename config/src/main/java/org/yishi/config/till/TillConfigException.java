package org.yishi.config.till;

import java.util.List;
import java.util.stream.Collectors;
import org.yishi.config.yaml.Problem;

/**
 * A till configuration file that cannot be used, with every problem found in it, one per line in compiler style
 * ({@code till.yaml:7:13: printer.paper_mm: "70" is not one of 58, 80}).
 */
public class TillConfigException extends RuntimeException {

    private final transient List<Problem> problems;
    private final int total;

    /**
     * @param file     the file name
     * @param problems the problems kept, in file order
     * @param total    how many were found (may exceed the kept list)
     */
    public TillConfigException(String file, List<Problem> problems, int total) {
        super(file + ": " + total + (total == 1 ? " problem" : " problems") + "\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                + (total > problems.size() ? "\n… and " + (total - problems.size()) + " more" : ""));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The number of problems found, including any not kept in {@link #problems()}. */
    public int total() {
        return total;
    }
}
