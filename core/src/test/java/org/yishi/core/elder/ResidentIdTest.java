package org.yishi.core.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.yishi.testing.gen.Cases;
import org.yishi.testing.gen.Gen;
import org.yishi.testing.gen.PropertyTest;

class ResidentIdTest {

    @Test
    void acceptsTheStandardsWorkedExample() {
        // GB 11643-1999 appendix example: 11010519491231002X
        ResidentId id = ResidentId.parse("11010519491231002x");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.male()).isFalse();
        assertThat(id.last4()).isEqualTo("002X");
    }

    @Test
    void computesCheckCharacters() {
        assertThat(ResidentId.checkCharacter("44052418800101001")).isEqualTo('4');
        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void rejectsEachKindOfMistakeWithoutShowingTheNumber() {
        assertThatThrownBy(() -> ResidentId.parse("11010519491231002"))
                .hasMessageContaining("18 characters");
        assertThatThrownBy(() -> ResidentId.parse("110105194912310021"))
                .hasMessageContaining("check character").hasMessageNotContaining("1101051949");
        assertThatThrownBy(() -> ResidentId.parse("110105194913310029"))
                .hasMessageContaining("birth date");
        assertThatThrownBy(() -> ResidentId.parse("1101051949123100AX"))
                .hasMessageContaining("character 17 must be a digit");
    }

    @Test
    void toStringMasksAllButTheLastFour() {
        assertThat(ResidentId.parse("11010519491231002X").toString()).isEqualTo("**************002X");
    }

    /** A number to build and a single-digit change to make to it. */
    record Change(int year, int month, int day, int seq, int position, int delta) {
    }

    private static final Gen<Change> CHANGES = r -> new Change(Gen.ints(1900, 2020).generate(r), Gen.ints(1, 12).generate(r),
            Gen.ints(1, 28).generate(r), Gen.ints(0, 999).generate(r), Gen.ints(0, 16).generate(r), Gen.ints(1, 9).generate(r));

    @PropertyTest(tries = 1000)
    void everyBuiltNumberValidatesAndAnySingleDigitChangeIsCaught(long seed) {
        Cases.check(seed, CHANGES, c -> {
            ResidentId id = ResidentId.of("440118", LocalDate.of(c.year(), c.month(), c.day()), c.seq());
            assertThat(ResidentId.parse(id.fullNumber())).isEqualTo(id);
            char[] changed = id.fullNumber().toCharArray();
            changed[c.position()] = (char) ('0' + (changed[c.position()] - '0' + c.delta()) % 10);
            String tampered = new String(changed);
            // MOD 11-2 detects every single-digit substitution; the date check may fire first.
            assertThatThrownBy(() -> ResidentId.parse(tampered)).isInstanceOf(IllegalArgumentException.class);
        });
    }
}
