package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.List;
import org.yishi.core.policy.ProviderSubsidyRule;

/**
 * Grants provider subsidies (to the operator or the delivery organisation, never off the elder's bill). A
 * rule grants when its eligibility holds for the purchase, when the purchase got a meal subsidy if it says
 * {@code requiresMealSubsidy}, and when the elder's earlier purchases in the rule's window (those whose
 * {@code providerRuleIds} name it) number fewer than {@code maxPerWindow}. Zero-amount rules grant nothing.
 * Only purchases that passed {@link PurchaseScreening} are offered to it.
 */
final class ProviderSubsidyGranter {

    private final EligibilityCheck eligibility;

    ProviderSubsidyGranter(EligibilityCheck eligibility) {
        this.eligibility = eligibility;
    }

    List<ProviderGrant> grants(QuoteContext ctx, boolean mealSubsidised, List<PriorPurchase> history) {
        List<ProviderSubsidyRule> rules = ctx.policy().providerSubsidies();
        if (rules.isEmpty()) {
            return List.of();
        }
        List<ProviderGrant> grants = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            ProviderSubsidyRule rule = rules.get(i);
            if (rule.amountFen() > 0 && (mealSubsidised || !rule.requiresMealSubsidy())
                    && eligibility.eligible(rule.eligibility(), ctx) && withinWindowLimit(rule, ctx, history)) {
                grants.add(new ProviderGrant(rule.id(), rule.role(), rule.funder(), rule.amountFen()));
            }
        }
        return grants;
    }

    private static boolean withinWindowLimit(ProviderSubsidyRule rule, QuoteContext ctx, List<PriorPurchase> history) {
        if (rule.window() == null) {
            return true;
        }
        WindowSpan span = WindowSpan.containing(rule.window(), ctx.day(), ctx.mealSlot());
        int count = 0;
        for (int h = 0; h < history.size(); h++) {
            PriorPurchase prior = history.get(h);
            if (prior.providerRuleIds().contains(rule.id()) && span.contains(prior.time(), prior.mealSlot())) {
                count++;
                if (count >= rule.maxPerWindow()) {
                    return false;
                }
            }
        }
        return true;
    }
}
