package org.yishi.config.simulate;

import org.yishi.core.policy.ProviderRole;

/**
 * What one provider-subsidy rule granted over a simulated file.
 *
 * @param ruleId the provider-subsidy rule
 * @param role   operator or delivery
 * @param funder who pays it
 * @param grants how many purchases earned it
 * @param fen    how much in total
 */
public record ProviderTotal(String ruleId, ProviderRole role, String funder, long grants, long fen) {
}
