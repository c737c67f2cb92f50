package org.yishi.receipts.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

class TextWidthTest {

    @Test
    void chineseCountsDouble() {
        assertThat(TextWidth.of("午餐套餐A")).isEqualTo(9);
        assertThat(TextWidth.of("¥12.50")).isEqualTo(6);
        assertThat(TextWidth.of("（两荤一素）")).isEqualTo(12);
        assertThat(TextWidth.of("𠀀")).isEqualTo(2); // CJK extension B, outside the BMP
    }

    @Test
    void justifyRightAlignsAmountsAndCutsLongNames() {
        assertThat(TextWidth.justify("午餐套餐A", "¥12.00", 32)).hasSize(32 - 4).endsWith("¥12.00");
        assertThat(TextWidth.of(TextWidth.justify("午餐套餐A", "¥12.00", 32))).isEqualTo(32);
        String cut = TextWidth.justify("非常非常非常非常非常非常长的菜名", "¥12.00", 32);
        assertThat(TextWidth.of(cut)).isLessThanOrEqualTo(32);
        assertThat(cut).endsWith("¥12.00");
    }

    @Test
    void padsToAnExactWidthCountingChineseDouble() {
        assertThat(TextWidth.padRight("张*华", 8)).isEqualTo("张*华   ");
        assertThat(TextWidth.padLeft("¥9.00", 8)).isEqualTo("   ¥9.00");
        assertThat(TextWidth.padRight("特困·低保·低收入", 10)).isEqualTo("特困·低保·");
        assertThat(TextWidth.padRight("特困低保", 5)).isEqualTo("特困 ");
    }

    record Line(String left, String right, int columns) {
    }

    /** Any two strings (lone surrogates, controls, wide and narrow characters) and a paper width. */
    private static final Gen<Line> LINES = r -> new Line(Gen.anyStrings(0, 255).generate(r), Gen.anyStrings(0, 255).generate(r),
            Gen.ints(8, 48).generate(r));

    @PropertyTest(tries = 1000)
    void nothingEverRunsPastTheLine(long seed) {
        Cases.check(seed, LINES, c -> {
            assertThat(TextWidth.of(TextWidth.justify(c.left(), c.right(), c.columns()))).isLessThanOrEqualTo(c.columns());
            assertThat(TextWidth.of(TextWidth.truncate(c.left(), c.columns()))).isLessThanOrEqualTo(c.columns());
            assertThat(TextWidth.of(TextWidth.padRight(c.left(), c.columns()))).isEqualTo(c.columns());
        });
    }
}
