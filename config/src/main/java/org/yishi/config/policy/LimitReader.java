package org.yishi.config.policy;

import java.time.DayOfWeek;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.Limit;
import org.yishi.core.policy.LimitWindow;

/** Reads one entry of {@code limits:}. */
final class LimitReader {

    static final List<String> KEYS = List.of("id", "window", "max_meals", "max_subsidy", "max_subsidy_fen", "rules", "meal_slots",
            "weekdays", "days");
    static final Map<String, LimitWindow> WINDOWS = Choices.of("meal_slot", LimitWindow.MEAL_SLOT, "day", LimitWindow.DAY,
            "week", LimitWindow.WEEK, "month", LimitWindow.MONTH);
    private static final int MOST_MEALS = 1000;

    private final ValueReader values;
    private final References refs;

    private final EligibilityReader days;

    LimitReader(ValueReader values, References refs) {
        this.values = values;
        this.refs = refs;
        this.days = new EligibilityReader(values, refs);
    }

    Optional<Limit> read(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        Optional<String> id = f.require("id").flatMap(n -> values.code(n, f.path("id"), RuleReader.ID, RuleReader.ID_RULE));
        Optional<LimitWindow> window = f.require("window").flatMap(n -> values.choice(n, f.path("window"), WINDOWS));
        Optional<Integer> maxMeals = f.get("max_meals").flatMap(n -> values.integer(n, f.path("max_meals"), 1, MOST_MEALS));
        Optional<Long> maxSubsidy = values.amount(f, "max_subsidy", false);
        maxSubsidy.filter(fen -> fen == 0).ifPresent(fen -> values.problems().add(
                f.get(f.has("max_subsidy") ? "max_subsidy" : "max_subsidy_fen").orElseThrow(), f.path("max_subsidy"),
                "a limit of 0 allows no subsidy at all; remove the rules instead"));
        if (!f.has("max_meals") && !f.has("max_subsidy") && !f.has("max_subsidy_fen")) {
            values.problems().add(node, path, "a limit needs max_meals and/or max_subsidy");
        }
        Set<String> rules = new LinkedHashSet<>();
        f.get("rules").ifPresent(n -> {
            List<Node> items = values.list(n, f.path("rules"));
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String p = ValueReader.item(f.path("rules"), i);
                values.text(item, p).filter(r -> refs.rule(item, p, r, values.problems())).ifPresent(r -> {
                    if (!rules.add(r)) {
                        values.problems().add(item, p, "rule " + r + " listed twice");
                    }
                });
            }
        });
        Set<String> slots = new LinkedHashSet<>();
        f.get("meal_slots").ifPresent(n -> {
            List<Node> items = values.list(n, f.path("meal_slots"));
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String p = ValueReader.item(f.path("meal_slots"), i);
                values.text(item, p).filter(s -> refs.mealSlot(item, p, s, values.problems())).ifPresent(s -> {
                    if (!slots.add(s)) {
                        values.problems().add(item, p, "meal slot " + s + " listed twice");
                    }
                });
            }
        });
        Set<DayOfWeek> weekdays = f.get("weekdays").map(n -> days.weekdays(n, f.path("weekdays"))).orElse(Set.of());
        CalendarDays calendarDays = f.get("days").flatMap(n -> values.choice(n, f.path("days"), HomeReader.DAYS)
                .filter(d -> refs.calendarDays(n, f.path("days"), values.problems()))).orElse(CalendarDays.ANY);
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        return Optional.of(new Limit(id.orElseThrow(), window.orElseThrow(), maxMeals.orElse(-1), maxSubsidy.orElse(-1L), rules, slots,
                weekdays, calendarDays));
    }
}
