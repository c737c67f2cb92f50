package org.yishi.core.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a {@link SubsidyRule} for tests: {@code rule("zc-80").minAge(80).fixed(900).funding(...)}. Without
 * a formula it grants a fixed 500; without funding the city pays all of it (REST).
 */
public final class RuleBuilder extends EligibilityBuilder<RuleBuilder> {

    private final String id;
    private String name;
    private String group = "main";
    private SubsidyFormula formula = new SubsidyFormula.Fixed(500);
    private OptionalLong cap = OptionalLong.empty();
    private final List<FundingPart> funding = new ArrayList<>();
    private Optional<LocalDate> from = Optional.empty();
    private Optional<LocalDate> to = Optional.empty();

    private RuleBuilder(String id) {
        this.id = id;
        this.name = id;
    }

    public static RuleBuilder rule(String id) {
        return new RuleBuilder(id);
    }

    public RuleBuilder name(String name) {
        this.name = name;
        return this;
    }

    public RuleBuilder group(String group) {
        this.group = group;
        return this;
    }

    public RuleBuilder fixed(long fen) {
        this.formula = new SubsidyFormula.Fixed(fen);
        return this;
    }

    public RuleBuilder copay(long fen) {
        this.formula = new SubsidyFormula.Copay(fen);
        return this;
    }

    public RuleBuilder percent(int basisPoints) {
        this.formula = new SubsidyFormula.Percent(basisPoints);
        return this;
    }

    public RuleBuilder cap(long fen) {
        this.cap = OptionalLong.of(fen);
        return this;
    }

    /** Funding parts in allocation order; see {@link #fixedPart}, {@link #percentPart}, {@link #restPart}. */
    public RuleBuilder funding(FundingPart... parts) {
        funding.addAll(List.of(parts));
        return this;
    }

    public RuleBuilder effective(String fromDay, String toDay) {
        this.from = Optional.ofNullable(fromDay).map(LocalDate::parse);
        this.to = Optional.ofNullable(toDay).map(LocalDate::parse);
        return this;
    }

    public static FundingPart fixedPart(String funder, long fen) {
        return FundingPart.fixed(funder, fen, Locality.ANYWHERE);
    }

    public static FundingPart fixedPart(String funder, long fen, Locality onlyIf) {
        return FundingPart.fixed(funder, fen, onlyIf);
    }

    public static FundingPart percentPart(String funder, int basisPoints) {
        return FundingPart.percent(funder, basisPoints, Locality.ANYWHERE);
    }

    public static FundingPart percentPart(String funder, int basisPoints, Locality onlyIf) {
        return FundingPart.percent(funder, basisPoints, onlyIf);
    }

    public static FundingPart restPart(String funder) {
        return FundingPart.rest(funder, Locality.ANYWHERE);
    }

    public static FundingPart restPart(String funder, Locality onlyIf) {
        return FundingPart.rest(funder, onlyIf);
    }

    public SubsidyRule build() {
        List<FundingPart> parts = funding.isEmpty() ? List.of(restPart("city")) : funding;
        return new SubsidyRule(id, name, group, eligibility(), formula, cap, parts, from, to);
    }
}
