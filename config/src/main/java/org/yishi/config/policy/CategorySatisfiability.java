package org.yishi.config.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.core.policy.CategoryMatcher;

/**
 * Whether some elder could meet a category condition, for the {@code policy check} lint. Exact, by trying every
 * combination of the codes the condition names: each absent, recorded without a grade, or recorded with one of its
 * grades. That assumes the registry records a category at most once per elder (one disability certificate, one
 * grade), which is what makes {@code all: ["disabled:1-2", "disabled:3-4"]} a contradiction.
 *
 * <p>Conditions naming so many graded codes that the combinations exceed {@link #MAX_COMBINATIONS} are not judged
 * (empty answer): a lint may stay silent, it must not guess.
 */
final class CategorySatisfiability {

    static final int MAX_COMBINATIONS = 100_000;

    private CategorySatisfiability() {
    }

    /** True or false when decided; empty when the condition is too large to try exhaustively. */
    static Optional<Boolean> satisfiable(CategoryCondition condition, List<CategoryDefinition> vocabulary) {
        Map<String, List<Optional<CategoryTag>>> options = new LinkedHashMap<>();
        long combinations = 1;
        for (CategoryMatcher m : condition.matchers()) {
            if (options.containsKey(m.code())) {
                continue;
            }
            List<Optional<CategoryTag>> o = new ArrayList<>();
            o.add(Optional.empty());
            o.add(Optional.of(CategoryTag.of(m.code())));
            vocabulary.stream().filter(d -> d.code().equals(m.code()) && d.graded()).findFirst().ifPresent(d -> {
                for (int g = d.minGrade(); g <= d.maxGrade(); g++) {
                    o.add(Optional.of(CategoryTag.of(m.code(), g)));
                }
            });
            options.put(m.code(), o);
            combinations *= o.size();
            if (combinations > MAX_COMBINATIONS) {
                return Optional.empty();
            }
        }
        List<List<Optional<CategoryTag>>> choices = new ArrayList<>(options.values());
        int[] pick = new int[choices.size()];
        while (true) {
            List<CategoryTag> tags = new ArrayList<>();
            for (int i = 0; i < pick.length; i++) {
                choices.get(i).get(pick[i]).ifPresent(tags::add);
            }
            if (condition.holds(tags)) {
                return Optional.of(true);
            }
            int i = 0;
            while (i < pick.length && ++pick[i] == choices.get(i).size()) {
                pick[i++] = 0;
            }
            if (i == pick.length) {
                return Optional.of(false);
            }
        }
    }
}
