package org.yishi.config.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.yishi.config.yaml.Problem;

/**
 * A policy file that cannot be loaded, with every problem found in it (not just the first). The message
 * lists them one per line in compiler style, {@code file:line:col: rules[2].formula.fixed: must not be
 * negative (-3)}, so an editor or a CI log can jump straight to each.
 */
public class PolicyFileException extends RuntimeException {

    private final String file;
    private final transient List<Problem> problems;
    private final int total;

    /**
     * @param file     the file name
     * @param problems the problems kept, in file order
     * @param total    how many were found (may exceed the kept list for a garbage file)
     */
    public PolicyFileException(String file, List<Problem> problems, int total) {
        super(format(file, problems, total));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    private static String format(String file, List<Problem> problems, int total) {
        String head = file + ": " + total + (total == 1 ? " problem" : " problems");
        String body = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        String tail = total > problems.size() ? "\n… and " + (total - problems.size()) + " more" : "";
        return head + "\n" + body + tail;
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The number of problems found, including any not kept in {@link #problems()}. */
    public int total() {
        return total;
    }
}
