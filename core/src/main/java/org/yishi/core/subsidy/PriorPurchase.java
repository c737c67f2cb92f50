package org.yishi.core.subsidy;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
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
 * @param origin           the till and seq of its SALE, when known: the engine counts purchases with the same origin
 *                         once (a sale learnt from this till's index and again from the server's usage). Purchases
 *                         without one (a simulation's) are all distinct.
 */
public record PriorPurchase(LocalDateTime time, String mealSlot, Channel channel, long subsidyFen, Set<String> ruleIds,
        Set<String> providerRuleIds, Optional<SaleOrigin> origin) {
    public PriorPurchase {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mealSlot, "mealSlot");
        Objects.requireNonNull(channel, "channel");
        ruleIds = Set.copyOf(ruleIds);
        providerRuleIds = Set.copyOf(providerRuleIds);
        Objects.requireNonNull(origin, "origin");
    }

    /** A purchase whose origin is not known (simulations, tests). */
    public PriorPurchase(LocalDateTime time, String mealSlot, Channel channel, long subsidyFen, Set<String> ruleIds,
            Set<String> providerRuleIds) {
        this(time, mealSlot, channel, subsidyFen, ruleIds, providerRuleIds, Optional.empty());
    }
}
