package org.yishi.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("cap", "cap_fen", "formula", "funding", "effective_from", "effective_to");

    @Test
    void suggestsTheIntendedKeyForCommonTypos() {
        assertThat(Suggestions.closest("cpa", KEYS)).contains("cap");          // transposition
        assertThat(Suggestions.closest("fromula", KEYS)).contains("formula");
        assertThat(Suggestions.closest("fundng", KEYS)).contains("funding");    // deletion
        assertThat(Suggestions.closest("efective_to", KEYS)).contains("effective_to");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(Suggestions.closest("price", KEYS)).isEmpty();
        assertThat(Suggestions.hint("zz", KEYS)).isEmpty();
        assertThat(Suggestions.hint("cpa", KEYS)).isEqualTo(" (did you mean cap?)");
    }

    @Test
    void editDistanceCountsATranspositionAsOne() {
        assertThat(Suggestions.editDistance("ab", "ba")).isEqualTo(1);
        assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.editDistance("", "abc")).isEqualTo(3);
    }
}
