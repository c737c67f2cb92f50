package org.yishi.core.subsidy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.yishi.core.elder.Elder;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.SubsidyRule;

/**
 * The subsidy policy engine: a pure, deterministic function of (policy version, elder, purchase, the elder's
 * earlier subsidised purchases) to a {@link Quote}. Stateless and thread-safe: one instance may serve every
 * till thread. The order of {@code history} does not matter.
 *
 * <p>A quote is worked out in this order (see {@code docs/engine.md} for the full semantics):
 * <ol>
 *   <li><b>Screening</b> ({@link PurchaseScreening}), each failure a refusal with the full price to pay:
 *       POLICY_NOT_IN_FORCE, ELDER_DECEASED (detail: the day of death), ELDER_NOT_ACTIVE, CARD_MISMATCH,
 *       CARD_LOST / CARD_REVOKED / CARD_BLOCKED (the card's status at the moment of sale, the purchase's local time read in
 *       the policy's zone), UNKNOWN_MEAL_SLOT, OUTSIDE_MEAL_WINDOW, NOTHING_ELIGIBLE. A screened-out purchase
 *       gets no provider subsidies either.</li>
 *   <li><b>Eligibility</b> of every meal rule ({@link EligibilityCheck}). None eligible: NOT_ELIGIBLE, the
 *       detail naming the nearest rule (most conditions met, see {@link NearMiss}) and what failed.</li>
 *   <li><b>Per rule</b> ({@link RuleEvaluator}): formula at the eligible price, then its cap, the price left
 *       by earlier groups, what the limits allow ({@link LimitLedger}), and the funding split with dropped
 *       locality parts ({@link FundingAllocator}). All in whole fen, rounded down.</li>
 *   <li><b>Groups</b> ({@link GroupStacking}): best-of within a group, stacking across groups in the order
 *       of their first rule in the policy, never above the eligible price.</li>
 *   <li>No subsidy although rules were eligible: LIMIT_REACHED when a limit left an eligible rule nothing
 *       (detail: limit id, window, usage), otherwise NOT_ELIGIBLE saying why the rules grant nothing.</li>
 *   <li><b>Provider subsidies</b> ({@link ProviderSubsidyGranter}) for every purchase that passed screening.</li>
 * </ol>
 * {@link Quote#mealsLeftToday()} is filled once some rule was eligible and a DAY or MEAL_SLOT meal-count limit
 * applies; it is empty for purchases refused before that.
 */
public final class SubsidyEngine {

    private final PurchaseScreening screening;
    private final EligibilityCheck eligibility;
    private final GroupStacking stacking;
    private final RuleEvaluator evaluator;
    private final ProviderSubsidyGranter providers;
    private final FunderTotals funderTotals;

    public SubsidyEngine() {
        this.screening = new PurchaseScreening();
        this.eligibility = new EligibilityCheck();
        this.evaluator = new RuleEvaluator(new FundingAllocator());
        this.stacking = new GroupStacking(evaluator);
        this.providers = new ProviderSubsidyGranter(eligibility);
        this.funderTotals = new FunderTotals();
    }

    /**
     * The history with each sale once: the same origin learnt from two places (this till's index and the server's
     * usage from other tills) must not use up a limit twice. The first of a repeated origin is kept.
     */
    static List<PriorPurchase> onePerOrigin(List<PriorPurchase> history) {
        java.util.Set<SaleOrigin> seen = null;
        List<PriorPurchase> out = null;
        for (int i = 0; i < history.size(); i++) {
            PriorPurchase p = history.get(i);
            if (p.origin().isEmpty()) {
                if (out != null) {
                    out.add(p);
                }
                continue;
            }
            if (seen == null) {
                seen = new java.util.HashSet<>();
            }
            if (seen.add(p.origin().get())) {
                if (out != null) {
                    out.add(p);
                }
            } else if (out == null) {
                // First repeat: copy what came before it, drop this one, go on copying.
                out = new ArrayList<>(history.subList(0, i));
            }
        }
        return out == null ? history : out;
    }

    public Quote quote(Policy policy, Elder elder, Purchase purchase, List<PriorPurchase> history) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(elder, "elder");
        Objects.requireNonNull(purchase, "purchase");
        history = onePerOrigin(Objects.requireNonNull(history, "history"));
        QuoteContext ctx = QuoteContext.of(policy, elder, purchase);

        Optional<Refusal> screened = screening.screen(ctx);
        if (screened.isPresent()) {
            return refused(ctx, screened.get(), List.of(), OptionalInt.empty());
        }

        List<SubsidyRule> rules = policy.rules();
        boolean[] eligible = new boolean[rules.size()];
        boolean anyEligible = false;
        for (int i = 0; i < rules.size(); i++) {
            eligible[i] = eligibility.eligible(rules.get(i), ctx);
            anyEligible |= eligible[i];
        }
        if (!anyEligible) {
            Refusal refusal = new Refusal(RefusalReason.NOT_ELIGIBLE, eligibility.explainNearest(rules, ctx));
            return refused(ctx, refusal, providers.grants(ctx, false, history), OptionalInt.empty());
        }

        LimitLedger ledger = LimitLedger.open(ctx, history);
        List<RuleOutcome> winners = stacking.stack(ctx, eligible, ledger);
        OptionalInt mealsLeft = ledger.mealsLeftToday(rules, eligible);
        if (winners.isEmpty()) {
            return refused(ctx, explainNothingGranted(ctx, eligible, ledger), providers.grants(ctx, false, history), mealsLeft);
        }

        List<AppliedRule> applied = new ArrayList<>(winners.size());
        long subsidy = 0;
        for (int i = 0; i < winners.size(); i++) {
            applied.add(winners.get(i).applied());
            subsidy += winners.get(i).subsidyFen();
        }
        return new Quote(policy.id(), policy.version(), ctx.priceFen(), ctx.eligiblePriceFen(), subsidy,
                ctx.priceFen() - subsidy, funderTotals.total(policy.funders(), applied), applied,
                providers.grants(ctx, true, history), mealsLeft, Optional.empty());
    }

    /**
     * Rules were eligible, yet none granted anything. Nothing was granted, so re-working a rule now sees the
     * same ledger it saw during stacking.
     */
    private Refusal explainNothingGranted(QuoteContext ctx, boolean[] eligible, LimitLedger ledger) {
        List<SubsidyRule> rules = ctx.policy().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (eligible[i]) {
                String exhausted = ledger.exhaustedLimit(rules.get(i));
                if (exhausted != null) {
                    return new Refusal(RefusalReason.LIMIT_REACHED, exhausted);
                }
            }
        }
        StringBuilder why = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            if (eligible[i]) {
                RuleOutcome outcome = evaluator.evaluate(rules.get(i), ctx, ledger, 0);
                why.append(why.length() == 0 ? "" : "; ").append(outcome.whyNothing(ctx.eligiblePriceFen()));
            }
        }
        return new Refusal(RefusalReason.NOT_ELIGIBLE, why.toString());
    }

    private static Quote refused(QuoteContext ctx, Refusal refusal, List<ProviderGrant> grants, OptionalInt mealsLeft) {
        return new Quote(ctx.policy().id(), ctx.policy().version(), ctx.priceFen(), ctx.eligiblePriceFen(), 0,
                ctx.priceFen(), List.of(), List.of(), grants, mealsLeft, Optional.of(refusal));
    }
}
