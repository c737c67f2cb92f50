package org.yishi.till.store.ledger;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.yishi.core.policy.Channel;
import org.yishi.core.subsidy.PriorPurchase;
import org.yishi.core.subsidy.SaleOrigin;

/**
 * A sale as the sales index holds it: the fields of its SALE record that queries need, plus whether a later VOID or
 * REFUND reversed it. The journal line (seq) is the authority; this is a projection of it.
 *
 * @param seq             the SALE record's seq
 * @param receiptNo       receipt number
 * @param elderId         the elder, null for a walk-in
 * @param identification  how the elder was identified (card, qr, manual, walk_in)
 * @param mealSlot        meal slot code, null if none applied
 * @param saleTime        local time in the till's zone
 * @param channel         dine-in or delivery
 * @param priceFen        price
 * @param subsidyFen      meal subsidy
 * @param copayFen        elder's payment
 * @param ruleIds         meal rules that granted the subsidy
 * @param providerRuleIds provider-subsidy rules that granted provider grants
 * @param policyId        policy in force
 * @param policyVersion   its version
 * @param shiftNo         shift it was sold in
 * @param voidedBySeq     seq of the VOID that cancelled it, or null
 * @param refundedBySeq   seq of the REFUND that reversed it, or null
 */
public record IndexedSale(long seq, String receiptNo, String elderId, String identification, String mealSlot,
        LocalDateTime saleTime, Channel channel, long priceFen, long subsidyFen, long copayFen, List<String> ruleIds,
        List<String> providerRuleIds, String policyId, String policyVersion, long shiftNo, Long voidedBySeq,
        Long refundedBySeq) {

    public IndexedSale {
        Objects.requireNonNull(receiptNo, "receiptNo");
        Objects.requireNonNull(saleTime, "saleTime");
        Objects.requireNonNull(channel, "channel");
        ruleIds = List.copyOf(ruleIds);
        providerRuleIds = List.copyOf(providerRuleIds);
    }

    /** Whether a VOID or REFUND reversed it: it then counts for no limit. */
    public boolean reversed() {
        return voidedBySeq != null || refundedBySeq != null;
    }

    /**
     * The sale as the subsidy engine's limits see it. A sale sold outside every meal slot has the slot code ""
     * (which no limit names).
     *
     * @param tillId the till whose index holds it: with {@link #seq()} its origin
     */
    public PriorPurchase toPriorPurchase(String tillId) {
        return new PriorPurchase(saleTime, mealSlot == null ? "" : mealSlot, channel, subsidyFen, new HashSet<>(ruleIds),
                new HashSet<>(providerRuleIds), java.util.Optional.of(new SaleOrigin(tillId, seq)));
    }
}
