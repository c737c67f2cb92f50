package org.yishi.config.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.calendar.CalendarLibrary;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.TimeWindow;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.calendar.WorkCalendar;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.core.policy.Funder;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.MealSlot;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.ProviderSubsidyRule;
import org.yishi.core.policy.SubsidyRule;

/**
 * Turns one composed policy document into a {@link Policy}, reporting every problem with its position. One
 * instance per file (it holds that file's problems).
 */
final class PolicyReader {

    static final List<String> KEYS = List.of("id", "version", "name", "zone", "effective_from", "effective_to", "applies_at", "funders",
            "categories", "meal_slots", "rules", "limits", "provider_subsidies", "calendar");
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final String CODE_RULE = "lower-case letters, digits and _ (at most 32), starting with a letter";

    private final Problems problems;
    private final ValueReader values;
    private final CategoryVocabulary standard;
    private final Supplier<CalendarLibrary> calendars;

    PolicyReader(Problems problems, CategoryVocabulary standard, Supplier<CalendarLibrary> calendars) {
        this.problems = problems;
        this.values = new ValueReader(problems);
        this.standard = standard;
        this.calendars = calendars;
    }

    Optional<Policy> read(Node root) {
        Fields f = Fields.of(root, "", problems, KEYS);
        Optional<String> id = f.require("id").flatMap(n -> values.code(n, "id", RuleReader.ID, RuleReader.ID_RULE));
        Optional<String> version = f.require("version").flatMap(n -> values.text(n, "version"));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, "name"));
        ZoneId zone = f.get("zone").flatMap(n -> values.zone(n, "zone")).orElse(DEFAULT_ZONE);
        Optional<LocalDate> from = f.require("effective_from").flatMap(n -> values.date(n, "effective_from"));
        Optional<LocalDate> to = f.get("effective_to").flatMap(n -> values.date(n, "effective_to"));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            problems.add(f.get("effective_to").orElseThrow(), "effective_to", "effective_to " + to.get() + " is before effective_from " + from.get());
        }

        WorkCalendar calendar = f.get("calendar").flatMap(n -> values.code(n, "calendar", CODE, CODE_RULE)
                .flatMap(c -> calendar(n, c))).orElse(WorkCalendar.NONE);

        List<String> appliesAt = f.get("applies_at").map(n -> values.districtPrefixes(n, "applies_at")).orElse(List.of());

        List<Node> funderNodes = f.require("funders").map(n -> values.mappings(n, "funders")).orElse(List.of());
        List<Funder> funders = readAll(funderNodes, "funders", "funder code", n -> Peek.scalar(n, "code"), this::funder, Funder::code);
        if (funderNodes.isEmpty() && f.has("funders")) {
            problems.add(f.get("funders").orElseThrow(), "funders", "name at least one funder");
        }

        List<Node> categoryNodes = f.get("categories").map(n -> values.mappings(n, "categories")).orElse(List.of());
        List<CategoryDefinition> extras = readAll(categoryNodes, "categories", "category code", n -> Peek.scalar(n, "code"),
                this::category, CategoryDefinition::code);
        CategoryVocabulary vocabulary = standard.with(extras);

        List<Node> slotNodes = f.require("meal_slots").map(n -> values.mappings(n, "meal_slots")).orElse(List.of());
        List<MealSlot> slots = readAll(slotNodes, "meal_slots", "meal slot code", n -> Peek.scalar(n, "code"), this::mealSlot,
                MealSlot::code);
        if (slotNodes.isEmpty() && f.has("meal_slots")) {
            problems.add(f.get("meal_slots").orElseThrow(), "meal_slots", "define at least one meal slot");
        }
        checkOverlaps(slots, slotNodes);

        List<Node> ruleNodes = f.require("rules").map(n -> values.mappings(n, "rules")).orElse(List.of());
        if (ruleNodes.isEmpty() && f.has("rules")) {
            problems.add(f.get("rules").orElseThrow(), "rules", "define at least one rule");
        }
        References refs = new References(
                peekCodes(funderNodes, CODE),
                vocabulary,
                peekCodes(slotNodes, CODE),
                ruleNodes.stream().map(RuleReader::peekId).flatMap(Optional::stream).collect(Collectors.toSet()),
                f.has("calendar"));
        PolicyDates dates = new PolicyDates(values, from, to);
        RuleReader ruleReader = new RuleReader(values, refs, dates);
        List<SubsidyRule> rules = readAll(ruleNodes, "rules", "rule id", RuleReader::peekId, ruleReader::read, SubsidyRule::id);

        List<Node> limitNodes = f.get("limits").map(n -> values.mappings(n, "limits")).orElse(List.of());
        LimitReader limitReader = new LimitReader(values, refs);
        List<Limit> limits = readAll(limitNodes, "limits", "limit id", n -> Peek.scalar(n, "id"), limitReader::read, Limit::id);

        List<Node> providerNodes = f.get("provider_subsidies").map(n -> values.mappings(n, "provider_subsidies")).orElse(List.of());
        ProviderSubsidyReader providerReader = new ProviderSubsidyReader(values, refs);
        List<ProviderSubsidyRule> providers = readAll(providerNodes, "provider_subsidies", "provider subsidy id",
                n -> Peek.scalar(n, "id"), providerReader::read, ProviderSubsidyRule::id);

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Policy(id.orElseThrow(), version.orElseThrow(), name.orElseThrow(), zone, from.orElseThrow(), to,
                    funders, vocabulary.definitions(), slots, rules, limits, providers, appliesAt, calendar));
        } catch (IllegalArgumentException e) {
            // The model's own consistency check: the reader should have caught this first, with a position.
            problems.add(root, "", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads every item of a list, reporting a repeated key ({@code what}) at the later item. Items that fail to
     * read are left out (their problems are already recorded).
     */
    private <T> List<T> readAll(List<Node> nodes, String path, String what, Function<Node, Optional<String>> peekKey,
            BiFunction<Node, String, Optional<T>> reader, Function<T, String> key) {
        List<T> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String p = ValueReader.item(path, i);
            Optional<T> item = reader.apply(node, p);
            Optional<String> k = item.map(key).or(() -> peekKey.apply(node));
            if (k.isPresent()) {
                Integer earlier = seen.putIfAbsent(k.get(), i);
                if (earlier != null) {
                    problems.add(node, p, what + " \"" + k.get() + "\" is defined twice (first at " + ValueReader.item(path, earlier) + ")");
                    continue;
                }
            }
            item.ifPresent(out::add);
        }
        return out;
    }

    private static Set<String> peekCodes(List<Node> nodes, Pattern pattern) {
        Set<String> codes = new LinkedHashSet<>();
        for (Node n : nodes) {
            Peek.scalar(n, "code").filter(c -> pattern.matcher(c).matches()).ifPresent(codes::add);
        }
        return codes;
    }

    private Optional<Funder> funder(Node node, String path) {
        Fields f = Fields.of(node, path, problems, List.of("code", "name"));
        Optional<String> code = f.require("code").flatMap(n -> values.code(n, f.path("code"), CODE, CODE_RULE));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        return code.isPresent() && name.isPresent() ? Optional.of(new Funder(code.get(), name.get())) : Optional.empty();
    }

    private Optional<CategoryDefinition> category(Node node, String path) {
        int before = problems.total();
        Fields f = Fields.of(node, path, problems, List.of("code", "name", "grades"));
        Optional<String> code = f.require("code").flatMap(n -> values.code(n, f.path("code"), CategoryVocabulary.CODE,
                "lower-case letters, digits and _, starting with a letter"));
        code.filter(standard::contains).ifPresent(c -> problems.add(f.get("code").orElseThrow(), f.path("code"),
                "\"" + c + "\" is already a standard category (docs/categories.md); use it without redefining it"));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        Optional<int[]> grades = f.get("grades").flatMap(n -> CategoryVocabulary.grades(n, f.path("grades"), values));
        if (problems.total() > before) {
            return Optional.empty();
        }
        int[] g = grades.orElse(new int[] {-1, -1});
        return Optional.of(new CategoryDefinition(code.orElseThrow(), name.orElseThrow(), g[0], g[1]));
    }

    /**
     * A slot; without {@code window:} it is served in each canteen's own hours for its code (canteens.csv
     * {@code serving_hours}), the policy's window winning wherever it gives one.
     */
    private Optional<MealSlot> mealSlot(Node node, String path) {
        int before = problems.total();
        Fields f = Fields.of(node, path, problems, List.of("code", "name", "window"));
        Optional<String> code = f.require("code").flatMap(n -> values.code(n, f.path("code"), CODE, CODE_RULE));
        Optional<String> name = f.require("name").flatMap(n -> values.text(n, f.path("name")));
        Optional<TimeWindow> window = f.get("window").flatMap(n -> values.window(n, f.path("window")));
        if (problems.total() > before) {
            return Optional.empty();
        }
        return Optional.of(window.map(w -> new MealSlot(code.get(), name.get(), w.start(), w.end()))
                .orElseGet(() -> MealSlot.atCanteenHours(code.get(), name.get())));
    }

    /** The named calendar with its loaded years; unknown → a problem naming the calendars that are there. */
    private Optional<WorkCalendar> calendar(Node node, String id) {
        CalendarLibrary library = calendars.get();
        Optional<WorkCalendar> found = library.calendar(id);
        if (found.isEmpty()) {
            problems.add(node, "calendar", "unknown working-day calendar \"" + id + "\": no calendars/" + id + "-YYYY.yaml was loaded"
                    + (library.ids().isEmpty() ? " (no calendars loaded at all)" : "; loaded: " + String.join(", ", library.ids())));
        }
        return found;
    }

    /** The till derives the slot from the clock, so two slots' windows may never overlap. */
    private void checkOverlaps(List<MealSlot> slots, List<Node> nodes) {
        for (int j = 0; j < slots.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (slots.get(i).overlaps(slots.get(j))) {
                    int at = indexOf(nodes, slots.get(j).code());
                    Node node = at < 0 ? null : Peek.node(nodes.get(at), "window").orElse(nodes.get(at));
                    problems.add(node, ValueReader.item("meal_slots", Math.max(at, 0)) + ".window", "window " + slots.get(j).window().orElseThrow()
                            + " overlaps meal slot " + slots.get(i).code() + " (" + slots.get(i).window().orElseThrow() + ")");
                }
            }
        }
    }

    private static int indexOf(List<Node> nodes, String code) {
        for (int i = 0; i < nodes.size(); i++) {
            if (Peek.scalar(nodes.get(i), "code").filter(code::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }
}
