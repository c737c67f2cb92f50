package org.yishi.config.till;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.YamlSource;

/**
 * Loads a till configuration file ({@code docs/till-config.md}). Every problem is collected and reported together
 * with file, line, column and field path; unknown keys are refused with a "did you mean"; a file with any problem
 * yields no configuration (a till half-configured could sell under the wrong canteen or policy). Stateless and
 * thread-safe.
 */
public final class TillConfigLoader {

    private final PrinterTargetCheck printerCheck;

    /** A loader that checks printer targets with {@code printerCheck} after its own scheme check. */
    public TillConfigLoader(PrinterTargetCheck printerCheck) {
        this.printerCheck = Objects.requireNonNull(printerCheck, "printerCheck");
    }

    /** A loader that checks only the printer target's scheme. */
    public TillConfigLoader() {
        this(PrinterTargetCheck.SCHEME_ONLY);
    }

    /**
     * Loads a configuration file (UTF-8, at most {@link YamlSource#MAX_BYTES} bytes).
     *
     * @throws TillConfigException listing every problem (including an unreadable file)
     */
    public TillConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Problems problems = new Problems(file.toString());
        Optional<Node> root = YamlSource.read(file, problems);
        Optional<TillConfig> config = root.flatMap(r -> new TillConfigReader(problems, absolute, printerCheck).read(r));
        if (!problems.isEmpty() || config.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(0, 0, "", "no till configuration could be read");
            }
            throw new TillConfigException(problems.file(), problems.list(), problems.total());
        }
        return config.get();
    }

    /** The problems of a configuration file, empty when it loads. */
    public List<Problem> check(Path file) {
        try {
            load(file);
            return List.of();
        } catch (TillConfigException e) {
            return e.problems();
        }
    }
}
