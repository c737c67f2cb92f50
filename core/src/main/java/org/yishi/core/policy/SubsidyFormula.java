package org.yishi.core.policy;

/**
 * How much a rule grants before caps, as a function of the eligible price. Results are whole fen and
 * round down, so a formula never overpays.
 */
public sealed interface SubsidyFormula permits SubsidyFormula.Fixed, SubsidyFormula.Copay, SubsidyFormula.Percent {

    /** The subsidy for a meal of {@code eligiblePriceFen}, before the rule cap and before capping at the price. */
    long grossFen(long eligiblePriceFen);

    /** A fixed amount: Zengcheng's ¥11, Shenzhen's "up to ¥15" (capped at the price by the engine). */
    record Fixed(long fen) implements SubsidyFormula {
        public Fixed {
            if (fen < 0) {
                throw new IllegalArgumentException("fixed subsidy must not be negative: " + fen);
            }
        }

        @Override
        public long grossFen(long price) {
            return fen;
        }
    }

    /** The elder pays a fixed copayment, the subsidy covers the rest: "elder pays ¥1". */
    record Copay(long fen) implements SubsidyFormula {
        public Copay {
            if (fen < 0) {
                throw new IllegalArgumentException("copayment must not be negative: " + fen);
            }
        }

        @Override
        public long grossFen(long price) {
            return Math.max(0, price - fen);
        }
    }

    /**
     * A share of the price in basis points (1/100 of a percent): Guangzhou's 1/4 is 2500. Rounds down to
     * whole fen.
     */
    record Percent(int basisPoints) implements SubsidyFormula {
        public Percent {
            if (basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("percentage must be 0..100: " + basisPoints / 100.0);
            }
        }

        @Override
        public long grossFen(long price) {
            return Math.multiplyExact(price, (long) basisPoints) / 10_000L;
        }
    }
}
