package org.yishi.core.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

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

    @Property
    void everyBuiltNumberValidatesAndAnySingleDigitChangeIsCaught(
            @ForAll @IntRange(min = 1900, max = 2020) int year, @ForAll @IntRange(min = 1, max = 12) int month,
            @ForAll @IntRange(min = 1, max = 28) int day, @ForAll @IntRange(max = 999) int seq,
            @ForAll @IntRange(max = 16) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        ResidentId id = ResidentId.of("440118", LocalDate.of(year, month, day), seq);
        assertThat(ResidentId.parse(id.fullNumber())).isEqualTo(id);
        char[] changed = id.fullNumber().toCharArray();
        changed[position] = (char) ('0' + (changed[position] - '0' + delta) % 10);
        String tampered = new String(changed);
        // MOD 11-2 detects every single-digit substitution; the date check may fire first.
        assertThatThrownBy(() -> ResidentId.parse(tampered)).isInstanceOf(IllegalArgumentException.class);
    }
}
