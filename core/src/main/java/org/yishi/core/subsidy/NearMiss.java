package org.yishi.core.subsidy;

import java.util.List;
import org.yishi.core.policy.SubsidyRule;

/**
 * How close one meal rule came to applying, for the NOT_ELIGIBLE detail. Only the conditions the rule sets are
 * counted (an absent condition says nothing about closeness); each conjunct of its category condition counts
 * as one ({@code all: [a, b]} is two conditions, {@code any: [a, b]} one). A {@code none:} exclusion counts when it
 * fails but not when it holds: nearly every elder meets it, so counting it would favour the rules with the most
 * exclusions rather than the one the elder nearly qualified for.
 *
 * @param met    how many of its qualifying conditions held (exclusions that held are not counted)
 * @param failed a description of each condition that failed, in checking order
 */
record NearMiss(SubsidyRule rule, int met, List<String> failed) {

    NearMiss {
        failed = List.copyOf(failed);
    }

    /**
     * Closer means more conditions met; on a tie, fewer failed; on a tie again the rule listed first stays (the
     * caller keeps the earlier one). "Fewest failed" alone named the first-listed rule whenever each rule failed
     * one condition, e.g. an 80+ tier instead of the disability tier whose only miss was the grade.
     */
    boolean closerThan(NearMiss other) {
        if (met != other.met) {
            return met > other.met;
        }
        return failed.size() < other.failed.size();
    }

    /** {@code nearest rule zc-80: age 75 not in 80..}, every failed condition after the colon. */
    String detail() {
        return "nearest rule " + rule.id() + ": " + String.join("; ", failed);
    }
}
