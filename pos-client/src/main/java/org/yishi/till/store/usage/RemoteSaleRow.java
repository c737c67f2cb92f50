package org.yishi.till.store.usage;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.SaleOrigin;

/** A row of {@code remote_usage}: one other till's subsidised sale, local time in this till's zone. */
record RemoteSaleRow(String tillId, long seq, String elderId, LocalDateTime saleTime, String mealSlot, String channel,
        long subsidyFen, String ruleIds, String providerRuleIds) {

    PriorPurchase toPriorPurchase() {
        return new PriorPurchase(saleTime, mealSlot, Channel.fromCode(channel), subsidyFen, codes(ruleIds), codes(providerRuleIds),
                Optional.of(new SaleOrigin(tillId, seq)));
    }

    private static java.util.Set<String> codes(String joined) {
        return joined.isEmpty() ? java.util.Set.of() : new HashSet<>(Arrays.asList(joined.split(";")));
    }
}
