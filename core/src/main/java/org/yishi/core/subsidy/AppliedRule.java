package org.yishi.core.subsidy;

import java.util.List;

/**
 * What one meal rule contributed: the explanation every subsidy carries.
 *
 * @param ruleId       the rule
 * @param ruleName     its display name (the tier)
 * @param group        its stacking group
 * @param grossFen     what its formula gave before caps
 * @param subsidyFen   what it finally granted (after its cap, the price, limits and dropped funding parts)
 * @param shares       the funders' parts of {@code subsidyFen}
 * @param droppedFen   funding parts lost because of a locality condition (Zengcheng: eating outside the home town)
 */
public record AppliedRule(String ruleId, String ruleName, String group, long grossFen, long subsidyFen,
        List<FunderShare> shares, long droppedFen) {
    public AppliedRule {
        shares = List.copyOf(shares);
    }
}
