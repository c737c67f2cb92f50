package org.yishi.core.policy;

import java.util.Objects;

/**
 * A subsidy paid to a provider rather than off the elder's bill: Shenzhen's ¥2 per meal to operators and
 * ¥2 per delivery to the delivery organisation, Beijing's ¥3 per elder per day to operators.
 *
 * @param id                   unique within the policy
 * @param name                 display name
 * @param role                 operator or delivery
 * @param eligibility          which elders and purchases
 * @param amountFen            per qualifying purchase
 * @param funder               who pays it
 * @param requiresMealSubsidy  only when the purchase itself was subsidised
 * @param window               window of the per-elder count limit, or null for none
 * @param maxPerWindow         most grants per elder in the window (Beijing: 1 a day); ignored when window is null
 */
public record ProviderSubsidyRule(
        String id,
        String name,
        ProviderRole role,
        Eligibility eligibility,
        long amountFen,
        String funder,
        boolean requiresMealSubsidy,
        LimitWindow window,
        int maxPerWindow) {

    public ProviderSubsidyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(funder, "funder");
        if (amountFen < 0) {
            throw new IllegalArgumentException("provider subsidy " + id + ": amount must not be negative");
        }
        if (window != null && maxPerWindow < 1) {
            throw new IllegalArgumentException("provider subsidy " + id + ": max per window must be at least 1");
        }
    }
}
