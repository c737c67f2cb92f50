package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.policy.SubsidyRule;

/**
 * Best-of within a group, stacking across groups. Groups are taken in the order of their first rule in the
 * policy (whether or not that rule is eligible), so the order never depends on the elder. Within a group
 * every eligible rule is worked out against the same starting point and the largest final subsidy wins (on a
 * tie the rule listed first); a winner of 0 adds nothing. Each group then sees only the price, and the
 * limit amounts, that earlier groups left.
 */
final class GroupStacking {

    private final RuleEvaluator evaluator;

    GroupStacking(RuleEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The winners that granted subsidy, in stacking order. {@code eligible[i]} says whether rule i may apply. */
    List<RuleOutcome> stack(QuoteContext ctx, boolean[] eligible, LimitLedger ledger) {
        List<SubsidyRule> rules = ctx.policy().rules();
        List<RuleOutcome> winners = new ArrayList<>(2);
        long granted = 0;
        for (int first = 0; first < rules.size(); first++) {
            String group = rules.get(first).group();
            if (seenEarlier(rules, first, group)) {
                continue;
            }
            RuleOutcome best = null;
            for (int i = first; i < rules.size(); i++) {
                if (eligible[i] && rules.get(i).group().equals(group)) {
                    RuleOutcome outcome = evaluator.evaluate(rules.get(i), ctx, ledger, granted);
                    if (best == null || outcome.subsidyFen() > best.subsidyFen()) {
                        best = outcome;
                    }
                }
            }
            if (best != null && best.subsidyFen() > 0) {
                winners.add(best);
                granted += best.subsidyFen();
                ledger.granted(best.rule());
            }
        }
        return winners;
    }

    private static boolean seenEarlier(List<SubsidyRule> rules, int index, String group) {
        for (int i = 0; i < index; i++) {
            if (rules.get(i).group().equals(group)) {
                return true;
            }
        }
        return false;
    }
}
