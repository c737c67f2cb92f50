package org.yishi.config.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.core.policy.CategoryMatcher;

class CategoryVocabularyTest {

    private final CategoryVocabulary standard = CategoryVocabulary.standard();

    @Test
    void shipsTheStandardCodesWithChineseAndEnglishNames() {
        assertThat(standard.definitions()).extracting(CategoryDefinition::code).containsExactly(
                "extreme_poverty", "minimum_living", "near_minimum_living", "low_income", "military_welfare", "disabled",
                "incapacitated", "living_alone", "empty_nest", "no_family", "left_behind", "lost_only_child", "disabled_only_child");
        assertThat(standard.find("minimum_living")).get().extracting(CategoryDefinition::name).asString().contains("低保");
        assertThat(standard.entry("no_family")).get().satisfies(e -> {
            assertThat(e.definition().name()).contains("孤寡");
            assertThat(e.nameEn()).isNotBlank();
        });
        assertThat(standard.entries()).allSatisfy(e -> assertThat(e.nameEn()).isNotBlank());
    }

    @Test
    void disabilityAndIncapacityAreGradedOneToFourInOppositeDirections() {
        CategoryDefinition disabled = standard.find("disabled").orElseThrow();
        assertThat(disabled.minGrade()).isEqualTo(1);
        assertThat(disabled.maxGrade()).isEqualTo(4);
        assertThat(standard.entry("disabled").orElseThrow().gradeNames().get(1)).contains("most severe");
        CategoryDefinition incapacitated = standard.find("incapacitated").orElseThrow();
        assertThat(incapacitated.minGrade()).isEqualTo(1);
        assertThat(incapacitated.maxGrade()).isEqualTo(4);
        assertThat(standard.entry("incapacitated").orElseThrow().gradeNames())
                .containsEntry(1, "轻度失能 level 1, mild").containsEntry(4, "完全失能 level 4, total");
        assertThat(standard.find("low_income").orElseThrow().graded()).isFalse();
    }

    @Test
    void validatesRegistryCategoriesWithClearMessages() {
        standard.validate(CategoryTag.parse("minimum_living"));
        standard.validate(CategoryTag.parse("disabled:2"));
        standard.validate(CategoryTag.parse("incapacitated"));
        assertThatThrownBy(() -> standard.validate(CategoryTag.parse("minimum_livng")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown category \"minimum_livng\" (did you mean minimum_living?); see docs/categories.md");
        assertThatThrownBy(() -> standard.validate(CategoryTag.parse("disabled:5")))
                .hasMessageStartingWith("category disabled (持证残疾人) grade must be 1-4")
                .hasMessageContaining("1 一级残疾（极重度） grade 1, most severe")
                .hasMessageEndingWith(": \"disabled:5\"");
        assertThatThrownBy(() -> standard.validate(CategoryTag.parse("low_income:1")))
                .hasMessageContaining("takes no grade");
        assertThat(standard.check(CategoryTag.parse("empty_nest"))).isEmpty();
    }

    @Test
    void checksRuleConditions() {
        assertThat(standard.check(CategoryMatcher.parse("incapacitated:2-4"))).isEmpty();
        assertThat(standard.check(CategoryMatcher.parse("incapacitated:0-4"))).get().asString().contains("grades are 1-4");
        assertThat(standard.check(CategoryMatcher.parse("widow"))).get().asString().contains("unknown category \"widow\"");
    }

    @Test
    void policiesMayAddCodesButNotRedefineThem() {
        CategoryVocabulary extended = standard.with(List.of(new CategoryDefinition("recognised_meal_recipient", "助餐对象", -1, -1)));
        extended.validate(CategoryTag.parse("recognised_meal_recipient"));
        assertThat(standard.contains("recognised_meal_recipient")).isFalse();
        assertThatThrownBy(() -> standard.with(List.of(new CategoryDefinition("low_income", "低收入", -1, -1))))
                .hasMessageContaining("already defined");
    }

    @Test
    void aBrokenVocabularyFileListsItsProblems() {
        String yaml = """
                categories:
                  - code: ok_code
                    name: 好
                    name_en: fine
                  - code: Bad-Code
                    name: 坏
                    name_en: bad
                  - code: graded
                    name: 分级
                    name_en: graded
                    grades: 4-1
                  - code: ok_code
                    name: 重复
                    name_en: twice
                """;
        assertThatThrownBy(() -> CategoryVocabulary.parse("cats.yaml", new StringReader(yaml)))
                .hasMessageContaining("cats.yaml:5:11: categories[1].code: \"Bad-Code\" is not a valid code")
                .hasMessageContaining("cats.yaml:11:13: categories[2].grades: grade range 4-1 runs backwards")
                .hasMessageContaining("cats.yaml:12:5: categories[3].code: code ok_code is defined twice");
    }
}
