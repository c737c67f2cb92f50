package org.yishi.sync.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One subsidised meal sold at another till, as the limits of the asking till count it.
 *
 * @param tillId          the till that sold it
 * @param seq             its SALE record's seq there (with tillId: its origin)
 * @param elderId         the elder
 * @param time            the SALE's time (canonical journal time, with its offset)
 * @param mealSlot        meal slot code ("" when sold outside every slot)
 * @param channel         {@code dine_in} or {@code delivery}
 * @param subsidyFen      the meal subsidy granted
 * @param ruleIds         the meal rules that granted it
 * @param providerRuleIds the provider-subsidy rules that granted provider grants
 */
public record UsageEntry(String tillId, long seq, String elderId, String time, String mealSlot, String channel, long subsidyFen,
        List<String> ruleIds, List<String> providerRuleIds) {
    public UsageEntry {
        Objects.requireNonNull(tillId, "tillId");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be at least 1, found " + seq);
        }
        Objects.requireNonNull(elderId, "elderId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(mealSlot, "mealSlot");
        Objects.requireNonNull(channel, "channel");
        if (subsidyFen < 0) {
            throw new IllegalArgumentException("subsidyFen must not be negative, found " + subsidyFen);
        }
        ruleIds = List.copyOf(ruleIds);
        providerRuleIds = List.copyOf(providerRuleIds);
    }
}
