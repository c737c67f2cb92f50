package org.yishi.core.subsidy;

import org.yishi.core.policy.ProviderRole;

/** A provider subsidy granted on a purchase: to the operator or the delivery organisation, paid by a funder. */
public record ProviderGrant(String ruleId, ProviderRole role, String funder, long fen) {
}
