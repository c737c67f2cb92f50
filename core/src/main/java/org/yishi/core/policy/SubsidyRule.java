package org.yishi.core.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A subsidy tier. Rules in the same {@code group} compete and the best (largest subsidy; on a tie the one
 * listed first) wins; the winners of different groups stack, in file order, never above the price.
 *
 * @param id            unique within the policy, shown on receipts and in statements
 * @param name          display name of the tier (the till's badge), e.g. 特困低保长者
 * @param group         stacking group, "main" by default
 * @param eligibility   who and what
 * @param formula       fixed / copay / percent
 * @param capFen        a maximum for this rule's subsidy
 * @param funding       how the subsidy is split between funders
 * @param effectiveFrom optional start (inclusive) narrower than the policy's
 * @param effectiveTo   optional end (inclusive)
 */
public record SubsidyRule(
        String id,
        String name,
        String group,
        Eligibility eligibility,
        SubsidyFormula formula,
        OptionalLong capFen,
        List<FundingPart> funding,
        Optional<LocalDate> effectiveFrom,
        Optional<LocalDate> effectiveTo) {

    public SubsidyRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(eligibility, "eligibility");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(capFen, "capFen");
        funding = List.copyOf(funding);
        if (funding.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + ": funding must name at least one funder");
        }
        if (funding.stream().filter(p -> p.kind() == FundingPart.Kind.REST).count() > 1) {
            throw new IllegalArgumentException("rule " + id + ": at most one funding part may take the rest");
        }
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
    }

    public boolean inForceOn(LocalDate day) {
        return effectiveFrom.map(f -> !day.isBefore(f)).orElse(true)
                && effectiveTo.map(t -> !day.isAfter(t)).orElse(true);
    }
}
