package org.yishi.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryCondition.AllOf;
import org.yishi.core.policy.CategoryCondition.AnyOf;
import org.yishi.core.policy.CategoryCondition.NoneOf;

/**
 * The category expression's logic, worked out from the words "低保 or 低保边缘, and severely disabled (grade 1–2)":
 *
 * <table>
 *   <caption>all [any [minimum_living, near_minimum_living], disabled:1-2]</caption>
 *   <tr><th>elder's categories</th><th>holds</th><th>why</th></tr>
 *   <tr><td>minimum_living; disabled:1</td><td>yes</td><td>both</td></tr>
 *   <tr><td>near_minimum_living; disabled:2</td><td>yes</td><td>both</td></tr>
 *   <tr><td>minimum_living; disabled:3</td><td>no</td><td>grade 3 is not severe</td></tr>
 *   <tr><td>minimum_living; disabled</td><td>no</td><td>no grade recorded never meets a graded condition</td></tr>
 *   <tr><td>disabled:1</td><td>no</td><td>neither 低保 nor 低保边缘</td></tr>
 *   <tr><td>(none)</td><td>no</td><td></td></tr>
 * </table>
 */
class CategoryConditionTest {

    private static final CategoryCondition POOR_AND_SEVERE = new AllOf(List.of(
            new AnyOf(List.of(CategoryMatcher.parse("minimum_living"), CategoryMatcher.parse("near_minimum_living"))),
            CategoryMatcher.parse("disabled:1-2")));

    private static List<CategoryTag> tags(String... tags) {
        return Arrays.stream(tags).map(CategoryTag::parse).toList();
    }

    @Test
    void allOfAnAnyAndAGrade() {
        assertThat(POOR_AND_SEVERE.holds(tags("minimum_living", "disabled:1"))).isTrue();
        assertThat(POOR_AND_SEVERE.holds(tags("near_minimum_living", "disabled:2"))).isTrue();
        assertThat(POOR_AND_SEVERE.holds(tags("minimum_living", "disabled:3"))).isFalse();
        assertThat(POOR_AND_SEVERE.holds(tags("minimum_living", "disabled"))).isFalse();
        assertThat(POOR_AND_SEVERE.holds(tags("disabled:1"))).isFalse();
        assertThat(POOR_AND_SEVERE.holds(tags())).isFalse();
    }

    @Test
    void noneOfANestedAllExcludesOnlyTheCombination() {
        CategoryCondition notPoorAndAlone = new NoneOf(List.of(new AllOf(List.of(CategoryMatcher.parse("minimum_living"),
                CategoryMatcher.parse("living_alone")))));
        assertThat(notPoorAndAlone.holds(tags("minimum_living"))).isTrue();
        assertThat(notPoorAndAlone.holds(tags("living_alone"))).isTrue();
        assertThat(notPoorAndAlone.holds(tags("minimum_living", "living_alone"))).isFalse();
    }

    @Test
    void theOldShapeAndEveryoneAreSpecialCasesOfTheSameModel() {
        CategoryCondition old = CategoryCondition.of(List.of(CategoryMatcher.parse("low_income")), List.of(CategoryMatcher.parse("extreme_poverty")));
        assertThat(old.holds(tags("low_income"))).isTrue();
        assertThat(old.holds(tags("low_income", "extreme_poverty"))).isFalse();
        assertThat(old.holds(tags())).isFalse();
        assertThat(CategoryCondition.of(List.of(), List.of())).isEqualTo(CategoryCondition.EVERYONE);
        assertThat(CategoryCondition.EVERYONE.holds(tags())).isTrue();
        assertThat(CategoryCondition.EVERYONE.conjuncts()).isEmpty();
    }

    @Test
    void conjunctsFlattenAllAndMatchersListEveryLeaf() {
        assertThat(POOR_AND_SEVERE.conjuncts()).hasSize(2);
        assertThat(POOR_AND_SEVERE.matchers()).extracting(CategoryMatcher::toString)
                .containsExactly("minimum_living", "near_minimum_living", "disabled:1-2");
        assertThat(POOR_AND_SEVERE).hasToString("all [any [minimum_living, near_minimum_living], disabled:1-2]");
    }
}
