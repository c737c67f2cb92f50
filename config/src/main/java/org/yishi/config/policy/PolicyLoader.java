package org.yishi.config.policy;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.calendar.CalendarLibrary;
import org.yishi.config.calendar.CalendarLoader;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.YamlSource;
import org.yishi.core.policy.Policy;

/**
 * Loads a policy file ({@code docs/policy-format.md}) into the core {@link Policy} model. Every problem in the
 * file is collected and reported together, each with file, line, column and field path; a file with any
 * problem yields no policy at all (a half-loaded policy would pay the wrong subsidy). Thread-safe and
 * stateless apart from the vocabulary it was built with.
 */
public final class PolicyLoader {

    private final CategoryVocabulary vocabulary;
    /** The calendars a policy's {@code calendar:} is looked up in; empty: those beside the policy file ({@link #load(Path)}). */
    private final Optional<CalendarLibrary> calendars;

    /** A loader checking categories against {@code vocabulary} (plus each policy's own categories). */
    public PolicyLoader(CategoryVocabulary vocabulary) {
        this(vocabulary, Optional.empty());
    }

    private PolicyLoader(CategoryVocabulary vocabulary, Optional<CalendarLibrary> calendars) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.calendars = Objects.requireNonNull(calendars, "calendars");
    }

    /**
     * A loader that looks a policy's {@code calendar:} up in {@code library} (e.g.
     * {@link CalendarLoader#loadDirectory}). Without one, {@link #load(Path)} reads the calendars directory beside the
     * policy file's directory ({@code policies/x.yaml} → {@code calendars/}), and a policy read from text that names a
     * calendar does not load.
     */
    public PolicyLoader withCalendars(CalendarLibrary library) {
        return new PolicyLoader(vocabulary, Optional.of(library));
    }

    /** A loader using the shipped standard vocabulary. */
    public PolicyLoader() {
        this(CategoryVocabulary.standard());
    }

    /**
     * Loads a policy file (UTF-8, at most {@link YamlSource#MAX_BYTES} bytes).
     *
     * @throws PolicyFileException listing every problem (including an unreadable file)
     */
    public Policy load(Path file) {
        Problems problems = new Problems(file.toString());
        Supplier<CalendarLibrary> library = calendars.isPresent() ? calendars::get
                : () -> CalendarLoader.loadDirectory(CalendarLoader.besidePolicies(file));
        return finish(YamlSource.read(file, problems), problems, library);
    }

    /**
     * Loads a policy from a reader; {@code fileName} is used in messages.
     *
     * @throws PolicyFileException listing every problem
     */
    public Policy load(String fileName, Reader reader) {
        Problems problems = new Problems(fileName);
        return finish(YamlSource.read(reader, problems), problems, () -> calendars.orElse(CalendarLibrary.EMPTY));
    }

    /** Loads a policy from YAML text. */
    public Policy parse(String fileName, String yaml) {
        return load(fileName, new StringReader(yaml));
    }

    /** The problems of a policy file, empty when it loads — for {@code yishi policy check}. */
    public List<Problem> check(Path file) {
        try {
            load(file);
            return List.of();
        } catch (PolicyFileException e) {
            return e.problems();
        }
    }

    private Policy finish(Optional<Node> root, Problems problems, Supplier<CalendarLibrary> library) {
        Optional<Policy> policy = root.flatMap(r -> new PolicyReader(problems, vocabulary, library).read(r));
        if (!problems.isEmpty() || policy.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(0, 0, "", "no policy could be read");
            }
            throw new PolicyFileException(problems.file(), problems.list(), problems.total());
        }
        return policy.get();
    }
}
