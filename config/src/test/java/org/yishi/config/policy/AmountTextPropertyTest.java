package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.yishi.core.money.Money;
import org.yishi.core.policy.SubsidyFormula;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

/**
 * Amounts and percentages are read from the text, never through a double: every amount written with two
 * decimals loads to exactly its fen (0.29 is 29 fen, not 28.999…), every percentage to its basis points.
 */
class AmountTextPropertyTest {

    private static final String TEMPLATE = """
            id: p
            version: "1"
            name: n
            effective_from: 2024-01-01
            funders: [{code: city, name: 市}]
            meal_slots: [{code: lunch, name: 午餐, window: "10:30-13:30"}]
            rules:
              - id: r
                name: r
                eligibility: {}
                formula: { FORMULA }
                funding: [{funder: city, share: rest}]
            """;

    private final PolicyLoader loader = new PolicyLoader();

    /** Mostly amounts a canteen sees (up to 100 yuan), also any amount up to the largest the format allows. */
    private static final Gen<Long> FEN = Gen.frequency(Gen.weighted(1, Gen.longs(1, 10_000)),
            Gen.weighted(1, Gen.longs(1, 999_999_999_999L)));

    @PropertyTest(tries = 300)
    void yuanTextLoadsToExactFen(long seed) {
        Cases.check(seed, FEN, fen -> {
            String yuan = Money.ofFen(fen).toDecimalString();
            var p = loader.parse("p.yaml", TEMPLATE.replace("FORMULA", "fixed: " + yuan));
            assertThat(p.rules().get(0).formula()).isEqualTo(new SubsidyFormula.Fixed(fen));
        });
    }

    @PropertyTest(tries = 300)
    void percentTextLoadsToExactBasisPoints(long seed) {
        Cases.check(seed, Gen.ints(1, 10_000), bp -> {
            String text = (bp / 100) + "." + String.format("%02d", bp % 100) + "%";
            var p = loader.parse("p.yaml", TEMPLATE.replace("FORMULA", "percent: " + text));
            assertThat(p.rules().get(0).formula()).isEqualTo(new SubsidyFormula.Percent(bp));
        });
    }
}
