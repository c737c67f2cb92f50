package org.yishi.core.subsidy;

import org.yishi.core.policy.SubsidyRule;

/**
 * One eligible rule worked through for one purchase.
 *
 * @param grossFen        its formula's result at the eligible price
 * @param offeredFen      after its cap and the price left by earlier stacking groups
 * @param limitedFen      after the limits (what funding was allocated from)
 * @param funding         the split, with dropped locality parts
 */
record RuleOutcome(SubsidyRule rule, long grossFen, long offeredFen, long limitedFen, FundingAllocation funding) {

    /** What the rule finally grants: the kept funding parts. */
    long subsidyFen() {
        return funding.keptFen();
    }

    AppliedRule applied() {
        return new AppliedRule(rule.id(), rule.name(), rule.group(), grossFen, funding.keptFen(), funding.shares(),
                funding.droppedFen());
    }

    /** Why a rule that is eligible grants nothing (limits aside): for NOT_ELIGIBLE details. */
    String whyNothing(long eligiblePriceFen) {
        if (grossFen == 0) {
            return "rule " + rule.id() + " gives 0 at eligible price " + eligiblePriceFen + " fen";
        }
        if (offeredFen == 0) {
            return "rule " + rule.id() + " is capped at 0";
        }
        if (funding.droppedFen() > 0) {
            return "rule " + rule.id() + ": its funding parts (" + funding.droppedFen()
                    + " fen) are only paid when eating in the home district or town";
        }
        return "rule " + rule.id() + ": no funding part pays anything";
    }
}
