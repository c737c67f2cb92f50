package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.yishi.core.money.Money;
import org.yishi.core.policy.SubsidyFormula;

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

    @Property(tries = 300)
    void yuanTextLoadsToExactFen(@ForAll @LongRange(min = 1, max = 999_999_999_999L) long fen) {
        String yuan = Money.ofFen(fen).toDecimalString();
        var p = loader.parse("p.yaml", TEMPLATE.replace("FORMULA", "fixed: " + yuan));
        assertThat(p.rules().get(0).formula()).isEqualTo(new SubsidyFormula.Fixed(fen));
    }

    @Property(tries = 300)
    void percentTextLoadsToExactBasisPoints(@ForAll @IntRange(min = 1, max = 10_000) int bp) {
        String text = (bp / 100) + "." + String.format("%02d", bp % 100) + "%";
        var p = loader.parse("p.yaml", TEMPLATE.replace("FORMULA", "percent: " + text));
        assertThat(p.rules().get(0).formula()).isEqualTo(new SubsidyFormula.Percent(bp));
    }
}
