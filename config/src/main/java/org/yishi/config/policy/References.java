package org.yishi.config.policy;

import java.util.Collection;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.yaml.Problems;
import org.yishi.config.yaml.Suggestions;

/**
 * The names a policy's rules may refer to: funders, categories (standard + the policy's own), meal slots and
 * rule ids. Only valid definitions are in it, so one bad definition does not cascade into a dozen
 * "unknown" problems — but a reference to something never defined is reported with a suggestion.
 */
record References(Set<String> funders, CategoryVocabulary categories, Set<String> mealSlots, Set<String> ruleIds,
        boolean calendarNamed) {

    References {
        funders = Set.copyOf(funders);
        mealSlots = Set.copyOf(mealSlots);
        ruleIds = Set.copyOf(ruleIds);
    }

    boolean funder(Node at, String path, String code, Problems problems) {
        return known(at, path, code, "funder", funders, problems);
    }

    boolean mealSlot(Node at, String path, String code, Problems problems) {
        return known(at, path, code, "meal slot", mealSlots, problems);
    }

    boolean rule(Node at, String path, String id, Problems problems) {
        return known(at, path, id, "rule", ruleIds, problems);
    }

    /** {@code days: working_days} is counted in the policy's calendar, so the policy must name one. */
    boolean calendarDays(Node at, String path, Problems problems) {
        if (calendarNamed) {
            return true;
        }
        problems.add(at, path, "working_days and rest_days are counted in a working-day calendar: name it at the top of the file "
                + "(calendar: cn, loaded from calendars/cn-YYYY.yaml)");
        return false;
    }

    private static boolean known(Node at, String path, String code, String what, Collection<String> known, Problems problems) {
        if (known.contains(code)) {
            return true;
        }
        problems.add(at, path, "unknown " + what + " \"" + code + "\"" + Suggestions.hint(code, known)
                + (known.isEmpty() ? "" : "; defined: " + String.join(", ", known.stream().sorted().toList())));
        return false;
    }
}
