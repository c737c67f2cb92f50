package org.yishi.config.category;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.Problem;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.Suggestions;
import org.yishi.config.yaml.ValueReader;
import org.yishi.config.yaml.YamlSource;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.core.policy.CategoryMatcher;

/**
 * The category codes registry data and policies may use ({@code docs/categories.md}): the standard list
 * shipped as {@code org/yishi/config/categories.yaml}, optionally extended by a policy's own categories.
 * Immutable. A code outside the vocabulary is an error wherever it appears, so a typo in the registry or a
 * policy cannot silently make an elder ineligible.
 */
public final class CategoryVocabulary {

    /** The shipped resource. */
    public static final String RESOURCE = "/org/yishi/config/categories.yaml";

    /** How codes must look (the same rule as {@link CategoryTag}). */
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private static final Pattern GRADES = Pattern.compile("(\\d{1,2})\\s*-\\s*(\\d{1,2})");

    /**
     * One vocabulary entry.
     *
     * @param definition code, Chinese name, grade range
     * @param nameEn     English name
     * @param gradeNames grade → description (zh + en), for graded categories
     */
    public record Entry(CategoryDefinition definition, String nameEn, Map<Integer, String> gradeNames) {
        public Entry {
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(nameEn, "nameEn");
            gradeNames = Collections.unmodifiableMap(new TreeMap<>(gradeNames));
        }
    }

    private final Map<String, Entry> entries;

    private CategoryVocabulary(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The shipped standard vocabulary. */
    public static CategoryVocabulary standard() {
        try (InputStream in = CategoryVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse("categories.yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a vocabulary file in the format of the shipped resource.
     *
     * @throws IllegalArgumentException listing every problem with line and column
     */
    public static CategoryVocabulary parse(String fileName, Reader reader) {
        Problems problems = new Problems(fileName);
        ValueReader values = new ValueReader(problems);
        Map<String, Entry> entries = new LinkedHashMap<>();
        YamlSource.read(reader, problems).ifPresent(root -> {
            Fields top = Fields.of(root, "", problems, List.of("categories"));
            top.require("categories").ifPresent(list -> {
                List<Node> items = values.mappings(list, "categories");
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    String path = ValueReader.item("categories", i);
                    readEntry(item, path, values).ifPresent(e -> {
                        if (entries.putIfAbsent(e.definition().code(), e) != null) {
                            problems.add(item, path + ".code", "code " + e.definition().code() + " is defined twice");
                        }
                    });
                }
            });
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("category vocabulary has " + problems.total() + " problem(s):\n"
                    + problems.list().stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
        return new CategoryVocabulary(entries);
    }

    private static Optional<Entry> readEntry(Node node, String path, ValueReader values) {
        Fields f = Fields.of(node, path, values.problems(), List.of("code", "name", "name_en", "grades", "grade_names"));
        Optional<String> code = f.require("code").flatMap(n -> values.code(n, f.path("code"), CODE, "lower-case letters, digits and _"));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        Optional<String> nameEn = f.require("name_en").flatMap(n -> values.text(n, f.path("name_en")));
        int[] range = {-1, -1};
        boolean ok = true;
        if (f.has("grades")) {
            Optional<int[]> r = grades(f.get("grades").orElseThrow(), f.path("grades"), values);
            ok = r.isPresent();
            r.ifPresent(g -> {
                range[0] = g[0];
                range[1] = g[1];
            });
        }
        Map<Integer, String> gradeNames = new TreeMap<>();
        if (f.has("grade_names")) {
            List<String> allowed = new ArrayList<>();
            for (int g = Math.max(range[0], 0); range[0] >= 0 && g <= range[1]; g++) {
                allowed.add(Integer.toString(g));
            }
            Fields gn = Fields.of(f.get("grade_names").orElseThrow(), f.path("grade_names"), values.problems(), allowed);
            for (String g : allowed) {
                gn.get(g).flatMap(n -> values.text(n, gn.path(g))).ifPresent(t -> gradeNames.put(Integer.parseInt(g), t));
            }
        }
        if (code.isEmpty() || name.isEmpty() || nameEn.isEmpty() || !ok) {
            return Optional.empty();
        }
        return Optional.of(new Entry(new CategoryDefinition(code.get(), name.get(), range[0], range[1]), nameEn.get(), gradeNames));
    }

    /** A grade range written {@code 1-4}; both ends 0..99, low end first. */
    public static Optional<int[]> grades(Node node, String path, ValueReader values) {
        return values.text(node, path).flatMap(v -> {
            Matcher m = GRADES.matcher(v);
            if (!m.matches()) {
                values.problems().add(node, path, "grades must be a range such as 1-4, not \"" + v + "\"");
                return Optional.empty();
            }
            int lo = Integer.parseInt(m.group(1));
            int hi = Integer.parseInt(m.group(2));
            if (lo > hi) {
                values.problems().add(node, path, "grade range " + v + " runs backwards");
                return Optional.empty();
            }
            return Optional.of(new int[] {lo, hi});
        });
    }

    /** A vocabulary of exactly these definitions (e.g. a loaded policy's categories). */
    public static CategoryVocabulary of(List<CategoryDefinition> definitions) {
        return new CategoryVocabulary(new LinkedHashMap<>()).with(definitions);
    }

    /**
     * This vocabulary plus {@code extra} codes (a policy's own categories).
     *
     * @throws IllegalArgumentException when an extra code is already defined
     */
    public CategoryVocabulary with(List<CategoryDefinition> extra) {
        Map<String, Entry> all = new LinkedHashMap<>(entries);
        for (CategoryDefinition d : extra) {
            if (all.putIfAbsent(d.code(), new Entry(d, "", Map.of())) != null) {
                throw new IllegalArgumentException("category " + d.code() + " is already defined");
            }
        }
        return new CategoryVocabulary(all);
    }

    public Optional<CategoryDefinition> find(String code) {
        return Optional.ofNullable(entries.get(code)).map(Entry::definition);
    }

    public Optional<Entry> entry(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    public boolean contains(String code) {
        return entries.containsKey(code);
    }

    /** The definitions in vocabulary order (standard first, then extras). */
    public List<CategoryDefinition> definitions() {
        return entries.values().stream().map(Entry::definition).toList();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** What is wrong with a registry category, or empty when it is valid. */
    public Optional<String> check(CategoryTag tag) {
        CategoryDefinition d = entries.containsKey(tag.code()) ? entries.get(tag.code()).definition() : null;
        if (d == null) {
            return Optional.of(unknown(tag.code()));
        }
        if (tag.grade().isEmpty()) {
            return Optional.empty();
        }
        int g = tag.grade().getAsInt();
        if (!d.graded()) {
            return Optional.of("category " + d.code() + " (" + d.name() + ") takes no grade: \"" + tag + "\"");
        }
        if (g < d.minGrade() || g > d.maxGrade()) {
            return Optional.of("category " + d.code() + " (" + d.name() + ") grade must be " + d.minGrade() + "-" + d.maxGrade()
                    + gradeHint(d.code()) + ": \"" + tag + "\"");
        }
        return Optional.empty();
    }

    /**
     * Checks a registry category.
     *
     * @throws IllegalArgumentException saying what is wrong (unknown code with a suggestion, grade not allowed)
     */
    public void validate(CategoryTag tag) {
        check(tag).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }

    /** What is wrong with a rule's category condition, or empty when it is valid. */
    public Optional<String> check(CategoryMatcher matcher) {
        CategoryDefinition d = entries.containsKey(matcher.code()) ? entries.get(matcher.code()).definition() : null;
        if (d == null) {
            return Optional.of(unknown(matcher.code()));
        }
        if (matcher.minGrade() == CategoryMatcher.ANY) {
            return Optional.empty();
        }
        if (!d.graded()) {
            return Optional.of("category " + d.code() + " takes no grade: \"" + matcher + "\"");
        }
        if (matcher.minGrade() < d.minGrade() || matcher.maxGrade() > d.maxGrade()) {
            return Optional.of("category " + d.code() + " grades are " + d.minGrade() + "-" + d.maxGrade()
                    + gradeHint(d.code()) + ": \"" + matcher + "\"");
        }
        return Optional.empty();
    }

    private String gradeHint(String code) {
        Map<Integer, String> names = entries.get(code).gradeNames();
        if (names.isEmpty()) {
            return "";
        }
        return " (" + names.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")) + ")";
    }

    private String unknown(String code) {
        return "unknown category \"" + code + "\"" + Suggestions.hint(code, entries.keySet()) + "; see docs/categories.md";
    }
}
