package org.yishi.core.policy;

import java.util.Objects;

/**
 * One funder's part of a rule's subsidy. Parts are allocated in order: FIXED takes up to its amount of what
 * is left, PERCENT takes its share of the rule's subsidy (rounded down), REST takes whatever the others left
 * (at most one REST part). A part whose {@code onlyIf} locality does not hold is allocated and then
 * <em>dropped</em>: the elder loses it, nobody else pays it (Zengcheng's town and district parts).
 *
 * @param funder      funder code
 * @param kind        FIXED, PERCENT or REST
 * @param fixedFen    for FIXED
 * @param basisPoints for PERCENT
 * @param onlyIf      locality condition for this part
 */
public record FundingPart(String funder, Kind kind, long fixedFen, int basisPoints, Locality onlyIf) {

    public enum Kind { FIXED, PERCENT, REST }

    public FundingPart {
        Objects.requireNonNull(funder, "funder");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(onlyIf, "onlyIf");
        if (fixedFen < 0 || basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("funding part " + funder + ": bad amount");
        }
    }

    public static FundingPart fixed(String funder, long fen, Locality onlyIf) {
        return new FundingPart(funder, Kind.FIXED, fen, 0, onlyIf);
    }

    public static FundingPart percent(String funder, int basisPoints, Locality onlyIf) {
        return new FundingPart(funder, Kind.PERCENT, 0, basisPoints, onlyIf);
    }

    public static FundingPart rest(String funder, Locality onlyIf) {
        return new FundingPart(funder, Kind.REST, 0, 0, onlyIf);
    }
}
