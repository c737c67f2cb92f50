package org.yishi.core.subsidy;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import org.yishi.core.policy.Channel;

/**
 * An earlier subsidised purchase of the same elder, as limits need it. Voided or refunded purchases are
 * not passed in.
 *
 * @param time             local time in the policy's zone
 * @param mealSlot         meal slot it was sold in
 * @param channel          dine-in or delivery
 * @param subsidyFen       meal subsidy granted to the elder
 * @param ruleIds          ids of the meal rules that granted it
 * @param providerRuleIds  ids of the provider-subsidy rules that granted provider subsidies
 */
public record PriorPurchase(LocalDateTime time, String mealSlot, Channel channel, long subsidyFen, Set<String> ruleIds,
        Set<String> providerRuleIds) {
    public PriorPurchase {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mealSlot, "mealSlot");
        Objects.requireNonNull(channel, "channel");
        ruleIds = Set.copyOf(ruleIds);
        providerRuleIds = Set.copyOf(providerRuleIds);
    }
}
