package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.config.yaml.Problem;
import org.yishi.core.policy.CategoryCondition;
import org.yishi.core.policy.CategoryCondition.AllOf;
import org.yishi.core.policy.CategoryCondition.AnyOf;
import org.yishi.core.policy.CategoryCondition.NoneOf;
import org.yishi.core.policy.CategoryMatcher;
import org.yishi.core.policy.Policy;

/**
 * The {@code categories:} condition of a rule (issue 11 item 1): {@code any}, {@code all} and {@code none}, nested one
 * level, and every way of writing it wrong reported with the file, line and field path. The rule's {@code categories:} is
 * line 21 of the document, so the block given to {@link #withCategories} starts on line 22.
 */
class CategoryConditionProblemsTest {

    private static final String FILE = "categories.yaml";
    private static final String PATH = "rules[0].eligibility.categories";

    private final PolicyLoader loader = new PolicyLoader();

    /** A valid policy whose one rule has {@code categories:} followed by {@code block} (indented under it). */
    private static String withCategories(String block) {
        return """
                id: test-categories
                version: "1"
                name: 测试
                effective_from: 2024-01-01
                funders:
                  - code: city
                    name: 市财政
                meal_slots:
                  - code: lunch
                    name: 午餐
                    window: "10:30-13:30"
                categories:
                  - code: star_rating
                    name: 星级
                    grades: 1-5
                rules:
                  - id: r
                    name: 规则
                    eligibility:
                      min_age: 60
                      categories:
                """ + block.stripTrailing().indent(8) + """
                    formula:
                      fixed: 3
                    funding:
                      - funder: city
                        share: rest
                """;
    }

    private CategoryCondition loads(String block) {
        Policy p = loader.parse(FILE, withCategories(block));
        return p.rules().get(0).eligibility().categories();
    }

    private List<Problem> problems(String block) {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.parse(FILE, withCategories(block)));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        return e.problems();
    }

    private Problem only(String block) {
        List<Problem> ps = problems(block);
        assertThat(ps).as(ps.toString()).hasSize(1);
        return ps.get(0);
    }

    private static CategoryMatcher m(String text) {
        return CategoryMatcher.parse(text);
    }

    @Test
    void existingAnyAndNoneKeepTheirMeaning() {
        assertThat(loads("any: [minimum_living, low_income]\nnone: [extreme_poverty]")).isEqualTo(
                CategoryCondition.of(List.of(m("minimum_living"), m("low_income")), List.of(m("extreme_poverty"))));
        assertThat(loads("any: minimum_living")).isEqualTo(CategoryCondition.of(List.of(m("minimum_living")), List.of()));
    }

    @Test
    void allOfANestedAnyAndAGradedCategory() {
        CategoryCondition c = loads("all:\n  - any: [minimum_living, near_minimum_living]\n  - \"disabled:1-2\"");
        assertThat(c).isEqualTo(new AllOf(List.of(
                new AnyOf(List.of(m("minimum_living"), m("near_minimum_living"))), m("disabled:1-2"))));
        assertThat(c.conjuncts()).hasSize(2);
    }

    @Test
    void everyKeyMayNestOneLevelAndTheKeysAllMustHold() {
        CategoryCondition c = loads("""
                any:
                  - all: [empty_nest, disabled]
                  - no_family
                all: [living_alone, {none: ["star_rating:1-2"]}]
                none: [extreme_poverty, {all: [minimum_living, "incapacitated:4"]}]""");
        assertThat(c).isEqualTo(new AllOf(List.of(
                new AnyOf(List.of(new AllOf(List.of(m("empty_nest"), m("disabled"))), m("no_family"))),
                new AllOf(List.of(m("living_alone"), new NoneOf(List.of(m("star_rating:1-2"))))),
                new NoneOf(List.of(m("extreme_poverty"), new AllOf(List.of(m("minimum_living"), m("incapacitated:4"))))))));
    }

    @Test
    void nestingDeeperThanOneLevelIsRefused() {
        Problem p = only("all:\n  - any:\n      - none: [minimum_living]");
        assertThat(p.line()).isEqualTo(24);
        assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0].any[0]");
        assertThat(p.message()).contains("nested too deeply").contains("one level");
    }

    @Test
    void emptyListsAreRefusedAtEveryLevel() {
        assertThat(only("any: []")).satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo(PATH + ".any");
            assertThat(p.message()).contains("empty list");
        });
        assertThat(only("all: [{any: []}]").fieldPath()).isEqualTo(PATH + ".all[0].any");
        assertThat(only("{}").message()).contains("give any: [...], all: [...] and/or none: [...]");
    }

    @Test
    void unknownCategoriesAreNamedWithASuggestionEvenWhenNested() {
        Problem p = only("all:\n  - any: [minimum_livng, near_minimum_living]");
        assertThat(p.line()).isEqualTo(23);
        assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0].any[0]");
        assertThat(p.message()).contains("unknown category \"minimum_livng\"").contains("did you mean minimum_living?");
    }

    @Test
    void gradesOnlyOnGradedCategoriesAndWithinTheirRange() {
        assertThat(only("all: [\"low_income:1\"]").message()).contains("takes no grade");
        assertThat(only("all: [{any: [\"disabled:1-5\"]}]")).satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0].any[0]");
            assertThat(p.message()).contains("grades are 1-4");
        });
        assertThat(only("none: [\"disabled:x\"]").message()).contains("code, code:N or code:N-M");
    }

    @Test
    void aGradeWrittenWithASpaceIsExplained() {
        Problem p = only("all:\n  - disabled: 1-2");
        assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0]");
        assertThat(p.message()).contains("\"disabled:1-2\"").contains("without a space");
    }

    @Test
    void aNestedConditionHasExactlyOneKnownKey() {
        assertThat(only("all: [{any: [minimum_living], none: [extreme_poverty]}]")).satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0]");
            assertThat(p.message()).contains("exactly one key").contains("found any, none");
        });
        assertThat(only("all: [{anyy: [minimum_living]}]")).satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo(PATH + ".all[0].anyy");
            assertThat(p.message()).contains("unknown key \"anyy\" (did you mean any?)");
        });
    }

    @Test
    void shapesThatAreNotConditions() {
        assertThat(only("any: [[minimum_living, low_income]]").message()).contains("not a list");
        assertThat(only("any: {minimum_living: yes}").message()).contains("not a mapping");
        assertThat(only("all: [disabled, disabled]")).satisfies(p -> {
            assertThat(p.fieldPath()).isEqualTo(PATH + ".all[1]");
            assertThat(p.message()).contains("listed twice");
        });
        assertThat(only("alll: [disabled]").message()).contains("did you mean all?");
    }

    @Test
    void everyProblemIsReportedTogether() {
        List<Problem> ps = problems("""
                any: [minimum_livng]
                all:
                  - any: []
                  - {none: [{any: [disabled]}]}
                none: ["low_income:2"]""");
        assertThat(ps).extracting(Problem::fieldPath).containsExactly(PATH + ".any[0]", PATH + ".all[0].any",
                PATH + ".all[1].none[0]", PATH + ".none[0]");
        assertThat(ps).extracting(Problem::line).containsExactly(22, 24, 25, 26);
    }
}
