package org.yishi.core.subsidy;

import org.yishi.core.policy.SubsidyRule;

/**
 * Works one eligible rule through the pipeline: formula at the eligible price, then its cap, then what the
 * price leaves after earlier stacking groups, then what the limits still allow, then the funding split
 * (which may drop locality-bound parts). Each step only ever lowers the amount, and every step is in whole
 * fen rounded down, so the result never overpays.
 */
final class RuleEvaluator {

    private final FundingAllocator funding;

    RuleEvaluator(FundingAllocator funding) {
        this.funding = funding;
    }

    RuleOutcome evaluate(SubsidyRule rule, QuoteContext ctx, LimitLedger ledger, long grantedFen) {
        long gross = rule.formula().grossFen(ctx.eligiblePriceFen());
        long offered = gross;
        if (rule.capFen().isPresent()) {
            offered = Math.min(offered, rule.capFen().getAsLong());
        }
        offered = Math.min(offered, ctx.eligiblePriceFen() - grantedFen);
        long limited = Math.min(offered, ledger.allowance(rule, grantedFen));
        return new RuleOutcome(rule, gross, offered, limited, funding.allocate(rule.funding(), limited, ctx));
    }
}
