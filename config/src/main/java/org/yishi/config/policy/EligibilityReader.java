package org.yishi.config.policy;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.yishi.config.yaml.Fields;
import org.yishi.config.yaml.ValueReader;
import org.yishi.core.policy.CalendarDays;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.Channel;
import org.yishi.core.policy.Eligibility;
import org.yishi.core.policy.Locality;

/** Reads an {@code eligibility:} mapping (shared by meal rules and provider subsidies). */
final class EligibilityReader {

    static final List<String> KEYS = List.of("min_age", "max_age", "categories", "registered_in", "eats_in", "channels",
            "meal_slots", "weekdays", "min_price", "min_price_fen", "resides_in", HomeReader.HOME, "days");

    static final Map<String, Locality> LOCALITIES = Choices.of(
            "anywhere", Locality.ANYWHERE, "home_district", Locality.HOME_DISTRICT, "home_town", Locality.HOME_TOWN);

    private static final Map<String, Channel> CHANNELS = Choices.of("dine_in", Channel.DINE_IN, "delivery", Channel.DELIVERY);
    private static final int MAX_AGE = 150;

    private final ValueReader values;
    private final References refs;
    private final CategoryConditionReader categories;

    EligibilityReader(ValueReader values, References refs) {
        this.values = values;
        this.refs = refs;
        this.categories = new CategoryConditionReader(values, refs);
    }

    Optional<Eligibility> read(Node node, String path) {
        int before = values.problems().total();
        Fields f = Fields.of(node, path, values.problems(), KEYS);
        int minAge = f.get("min_age").flatMap(n -> values.integer(n, f.path("min_age"), 0, MAX_AGE)).orElse(-1);
        int maxAge = f.get("max_age").flatMap(n -> values.integer(n, f.path("max_age"), 0, MAX_AGE)).orElse(-1);
        if (minAge >= 0 && maxAge >= 0 && minAge > maxAge) {
            values.problems().add(f.get("max_age").orElseThrow(), f.path("max_age"),
                    "max_age " + maxAge + " is below min_age " + minAge);
        }
        CategoryCondition categories = f.get("categories").flatMap(n -> this.categories.read(n, f.path("categories")))
                .orElse(CategoryCondition.EVERYONE);
        List<String> registeredIn = new ArrayList<>();
        f.get("registered_in").ifPresent(n -> registeredIn.addAll(values.districtPrefixes(n, f.path("registered_in"))));
        List<String> residesIn = new ArrayList<>();
        f.get("resides_in").ifPresent(n -> residesIn.addAll(values.districtPrefixes(n, f.path("resides_in"))));
        Locality locality = HomeReader.read(f, "eats_in", values);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        f.get("channels").ifPresent(n -> {
            List<Node> items = values.list(n, f.path("channels"));
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String p = ValueReader.item(f.path("channels"), i);
                values.choice(item, p, CHANNELS).ifPresent(ch -> {
                    if (!channels.add(ch)) {
                        values.problems().add(item, p, "channel " + ch.code() + " listed twice");
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
        Set<DayOfWeek> weekdays = f.get("weekdays").map(n -> weekdays(n, f.path("weekdays"))).orElse(Set.of());
        long minPrice = values.amount(f, "min_price", false).orElse(0L);
        CalendarDays days = f.get("days").flatMap(n -> values.choice(n, f.path("days"), HomeReader.DAYS)
                .filter(d -> refs.calendarDays(n, f.path("days"), values.problems()))).orElse(CalendarDays.ANY);
        if (values.problems().total() > before) {
            return Optional.empty();
        }
        return Optional.of(new Eligibility(minAge, maxAge, categories, registeredIn, locality, channels, slots, weekdays, minPrice,
                residesIn, days));
    }

    /** {@code [mon, tue]}, {@code [monday]} or a range {@code mon-fri}. */
    Set<DayOfWeek> weekdays(Node node, String path) {
        Map<String, DayOfWeek> names = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            names.put(full.substring(0, 3), d);
            names.put(full, d);
        }
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        List<Node> items = values.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String p = items.size() == 1 && !(node instanceof SequenceNode) ? path : ValueReader.item(path, i);
            Optional<String> text = values.text(item, p).map(t -> t.toLowerCase(Locale.ROOT));
            if (text.isEmpty()) {
                continue;
            }
            String t = text.get();
            int dash = t.indexOf('-');
            if (dash > 0) {
                DayOfWeek from = names.get(t.substring(0, dash).strip());
                DayOfWeek to = names.get(t.substring(dash + 1).strip());
                if (from == null || to == null || from.compareTo(to) > 0) {
                    values.problems().add(item, p, "not a weekday range Monday to Sunday such as mon-fri: \"" + t + "\"");
                    continue;
                }
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    out.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                DayOfWeek d = names.get(t);
                if (d == null) {
                    values.problems().add(item, p, "not a weekday: \"" + t + "\" (write mon, tue, wed, thu, fri, sat, sun or a range mon-fri)");
                } else if (!out.add(d)) {
                    values.problems().add(item, p, "weekday " + t + " listed twice");
                }
            }
        }
        return out;
    }
}
