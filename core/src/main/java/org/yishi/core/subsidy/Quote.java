package org.yishi.core.subsidy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The engine's answer for one purchase. Always a complete bill: when subsidy is refused the elder pays the
 * full price and {@link #refusal()} says why.
 *
 * @param policyId        policy that produced it
 * @param policyVersion   its version
 * @param priceFen        total price
 * @param eligiblePriceFen part of the price a subsidy may cover
 * @param subsidyFen      meal subsidy off the elder's bill; equals the sum of {@code funderShares}
 * @param copayFen        what the elder pays: price − subsidy
 * @param funderShares    per funder, in the policy's funder order, only funders with a non-zero part
 * @param appliedRules    the rules that granted the subsidy, in stacking order
 * @param providerGrants  operator / delivery subsidies (not off the elder's bill)
 * @param mealsLeftToday  subsidised meals this elder has left today after this purchase, where a day or
 *                        meal-slot limit applies
 * @param refusal         why no subsidy, if none
 */
public record Quote(
        String policyId,
        String policyVersion,
        long priceFen,
        long eligiblePriceFen,
        long subsidyFen,
        long copayFen,
        List<FunderShare> funderShares,
        List<AppliedRule> appliedRules,
        List<ProviderGrant> providerGrants,
        OptionalInt mealsLeftToday,
        Optional<Refusal> refusal) {

    public Quote {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        funderShares = List.copyOf(funderShares);
        appliedRules = List.copyOf(appliedRules);
        providerGrants = List.copyOf(providerGrants);
        Objects.requireNonNull(mealsLeftToday, "mealsLeftToday");
        Objects.requireNonNull(refusal, "refusal");
        if (subsidyFen < 0 || subsidyFen > eligiblePriceFen || eligiblePriceFen > priceFen || copayFen != priceFen - subsidyFen) {
            throw new IllegalStateException("inconsistent quote: price " + priceFen + ", eligible " + eligiblePriceFen
                    + ", subsidy " + subsidyFen + ", copay " + copayFen);
        }
        long sum = funderShares.stream().mapToLong(FunderShare::fen).sum();
        if (sum != subsidyFen) {
            throw new IllegalStateException("funder shares " + sum + " do not add up to subsidy " + subsidyFen);
        }
    }

    public boolean subsidised() {
        return subsidyFen > 0;
    }

    /** The ids of the rules that granted the subsidy, joined with '+' (how the simulate CSV and receipts name them). */
    public String ruleLabel() {
        return String.join("+", appliedRules.stream().filter(r -> r.subsidyFen() > 0).map(AppliedRule::ruleId).toList());
    }
}
