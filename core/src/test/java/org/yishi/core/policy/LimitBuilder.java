package org.yishi.core.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Limit} for tests: {@code limit("one-per-slot", MEAL_SLOT).meals(1)},
 * {@code limit("month-cap", MONTH).fen(15000).rules("top-up")}.
 */
public final class LimitBuilder {

    private final String id;
    private final LimitWindow window;
    private int maxMeals = -1;
    private long maxFen = -1;
    private final Set<String> rules = new LinkedHashSet<>();
    private final Set<String> slots = new LinkedHashSet<>();

    private LimitBuilder(String id, LimitWindow window) {
        this.id = id;
        this.window = window;
    }

    public static LimitBuilder limit(String id, LimitWindow window) {
        return new LimitBuilder(id, window);
    }

    public LimitBuilder meals(int max) {
        this.maxMeals = max;
        return this;
    }

    public LimitBuilder fen(long max) {
        this.maxFen = max;
        return this;
    }

    public LimitBuilder rules(String... ids) {
        rules.addAll(List.of(ids));
        return this;
    }

    public LimitBuilder slots(String... codes) {
        slots.addAll(List.of(codes));
        return this;
    }

    public Limit build() {
        return new Limit(id, window, maxMeals, maxFen, rules, slots);
    }
}
