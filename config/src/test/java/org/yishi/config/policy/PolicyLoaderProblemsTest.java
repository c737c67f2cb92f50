package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.yaml.Problem;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.SubsidyFormula;

/**
 * Every class of bad policy file is reported with the file, the line and the field path — and all problems of a
 * file together. The base document is valid; each test breaks one thing, so the expected line is known.
 */
class PolicyLoaderProblemsTest {

    private static final String FILE = "test-policy.yaml";

    /** Line numbers are referred to below; keep them stable. */
    private static final String BASE = """
            id: test-policy
            version: "1"
            name: 测试政策
            effective_from: 2024-01-01
            funders:
              - code: city
                name: 市财政
              - code: district
                name: 区财政
            meal_slots:
              - code: lunch
                name: 午餐
                window: "10:30-13:30"
              - code: dinner
                name: 晚餐
                window: "16:30-19:30"
            rules:
              - id: base
                name: 基本
                eligibility:
                  min_age: 60
                formula:
                  fixed: 3
                funding:
                  - funder: city
                    share: rest
            """;

    private final PolicyLoader loader = new PolicyLoader();

    private static String with(String from, String to) {
        if (!BASE.contains(from)) {
            throw new IllegalArgumentException("base has no " + from);
        }
        return BASE.replace(from, to);
    }

    private List<Problem> problems(String yaml) {
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.parse(FILE, yaml));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
        assertThat(e.total()).isEqualTo(e.problems().size());
        return e.problems();
    }

    private Problem only(String yaml) {
        List<Problem> ps = problems(yaml);
        assertThat(ps).as(ps.toString()).hasSize(1);
        return ps.get(0);
    }

    @Test
    void baseDocumentLoads() {
        Policy p = loader.parse(FILE, BASE);
        assertThat(p.rules()).singleElement().satisfies(r -> assertThat(r.formula()).isEqualTo(new SubsidyFormula.Fixed(300)));
    }

    @Test
    void malformedYamlNamesTheLine() {
        Problem p = only(with("    name: 基本\n", "    name: [基本\n"));
        assertThat(p.line()).isBetween(19, 21);
        assertThat(p.message()).startsWith("YAML syntax error");
        assertThat(p.toString()).startsWith(FILE + ":" + p.line() + ":");
    }

    @Test
    void tabIndentationIsASyntaxErrorWithItsLine() {
        Problem p = only(with("      min_age: 60\n", "\tmin_age: 60\n"));
        assertThat(p.line()).isEqualTo(21);
        assertThat(p.message()).contains("YAML syntax error");
    }

    @Test
    void misspeltKeyIsReportedWithASuggestion() {
        Problem p = only(with("    formula:\n", "    cpa: 3\n    formula:\n"));
        assertThat(p.line()).isEqualTo(22);
        assertThat(p.column()).isEqualTo(5);
        assertThat(p.fieldPath()).isEqualTo("rules[0].cpa");
        assertThat(p.message()).contains("unknown key \"cpa\"").contains("did you mean cap?");
        assertThat(p.toString()).isEqualTo(FILE + ":22:5: rules[0].cpa: " + p.message());
    }

    @Test
    void unknownTopLevelKey() {
        Problem p = only(BASE + "limit:\n  - id: x\n");
        assertThat(p.line()).isEqualTo(27);
        assertThat(p.fieldPath()).isEqualTo("limit");
        assertThat(p.message()).contains("did you mean limits?");
    }

    @Test
    void missingRequiredKeyPointsAtTheMapping() {
        Problem p = only(with("    name: 基本\n", ""));
        assertThat(p.line()).isEqualTo(18);
        assertThat(p.fieldPath()).isEqualTo("rules[0]");
        assertThat(p.message()).isEqualTo("missing required key \"name\"");
    }

    @Test
    void keyWithoutValueIsMissing() {
        Problem p = only(with("name: 测试政策\n", "name:\n"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.fieldPath()).isEqualTo("name");
        assertThat(p.message()).isEqualTo("has no value");
    }

    @Test
    void wrongTypes() {
        List<Problem> ps = problems(with("      min_age: 60\n", "      min_age: sixty\n")
                .replace("funders:\n  - code: city\n    name: 市财政\n  - code: district\n    name: 区财政\n", "funders: city\n"));
        assertThat(ps).extracting(Problem::fieldPath).contains("funders", "rules[0].eligibility.min_age", "rules[0].funding[0].funder");
        Problem minAge = ps.stream().filter(p -> p.fieldPath().endsWith("min_age")).findFirst().orElseThrow();
        assertThat(minAge.message()).isEqualTo("must be a whole number, not \"sixty\"");
        assertThat(minAge.line()).isEqualTo(17);
        Problem funders = ps.stream().filter(p -> p.fieldPath().equals("funders")).findFirst().orElseThrow();
        assertThat(funders.line()).isEqualTo(5);
        assertThat(funders.message()).contains("must be a list");
    }

    @Test
    void aListWhereAValueBelongs() {
        Problem p = only(with("name: 测试政策\n", "name: [a, b]\n"));
        assertThat(p.fieldPath()).isEqualTo("name");
        assertThat(p.message()).contains("must be a single value, not a list");
    }

    @Test
    void negativeAmount() {
        Problem p = only(with("      fixed: 3\n", "      fixed: -3\n"));
        assertThat(p.toString()).isEqualTo(FILE + ":23:14: rules[0].formula.fixed: must not be negative (-3)");
    }

    @Test
    void negativeFenAmount() {
        Problem p = only(with("      fixed: 3\n", "      fixed_fen: -300\n"));
        assertThat(p.fieldPath()).isEqualTo("rules[0].formula.fixed_fen");
        assertThat(p.message()).isEqualTo("must not be negative (-300)");
    }

    @Test
    void amountFinerThanAFenIsRefusedNotRounded() {
        Problem p = only(with("      fixed: 3\n", "      fixed: 1.234\n"));
        assertThat(p.line()).isEqualTo(23);
        assertThat(p.fieldPath()).isEqualTo("rules[0].formula.fixed");
        assertThat(p.message()).contains("1.234").contains("not a whole number of fen");
    }

    @Test
    void fenKeyNeedsWholeFen() {
        Problem p = only(with("      fixed: 3\n", "      fixed_fen: 3.5\n"));
        assertThat(p.message()).contains("whole number of fen");
    }

    @Test
    void amountsAreReadAsTextInEveryWrittenForm() {
        for (String written : List.of("\"2.50\"", "2.50", "2.5", "2.50元", "¥2.50", "\"￥2.50\"")) {
            Policy p = loader.parse(FILE, with("      fixed: 3\n", "      fixed: " + written + "\n"));
            assertThat(p.rules().get(0).formula()).as(written).isEqualTo(new SubsidyFormula.Fixed(250));
        }
        Policy fen = loader.parse(FILE, with("      fixed: 3\n", "      fixed_fen: 250\n"));
        assertThat(fen.rules().get(0).formula()).isEqualTo(new SubsidyFormula.Fixed(250));
    }

    @Test
    void bothYuanAndFenKeysIsAProblem() {
        Problem p = only(with("    formula:\n", "    cap: 3\n    cap_fen: 300\n    formula:\n"));
        assertThat(p.line()).isEqualTo(23);
        assertThat(p.fieldPath()).isEqualTo("rules[0].cap_fen");
        assertThat(p.message()).contains("not both");
    }

    @Test
    void badPercentages() {
        Problem over = only(with("      fixed: 3\n", "      percent: 120%\n"));
        assertThat(over.fieldPath()).isEqualTo("rules[0].formula.percent");
        assertThat(over.message()).contains("between 0% and 100%");
        Problem noSign = only(with("      fixed: 3\n", "      percent: 25\n"));
        assertThat(noSign.line()).isEqualTo(23);
        assertThat(noSign.message()).contains("not a percentage");
        Problem tooFine = only(with("      fixed: 3\n", "      percent: 12.345%\n"));
        assertThat(tooFine.message()).contains("not a percentage");
        assertThat(loader.parse(FILE, with("      fixed: 3\n", "      percent: 12.5%\n")).rules().get(0).formula())
                .isEqualTo(new SubsidyFormula.Percent(1250));
    }

    @Test
    void twoFormulasAtOnce() {
        Problem p = only(with("      fixed: 3\n", "      fixed: 3\n      copay: 1\n"));
        assertThat(p.fieldPath()).isEqualTo("rules[0].formula");
        assertThat(p.message()).contains("only one of fixed, copay or percent");
    }

    @Test
    void unknownFunderReference() {
        Problem p = only(with("      - funder: city\n", "      - funder: cty\n"));
        assertThat(p.line()).isEqualTo(25);
        assertThat(p.fieldPath()).isEqualTo("rules[0].funding[0].funder");
        assertThat(p.message()).contains("unknown funder \"cty\"").contains("did you mean city?");
    }

    @Test
    void unknownCategoryReference() {
        Problem p = only(with("      min_age: 60\n", "      min_age: 60\n      categories:\n        any: [minimum_living, low_incom]\n"));
        assertThat(p.line()).isEqualTo(23);
        assertThat(p.fieldPath()).isEqualTo("rules[0].eligibility.categories.any[1]");
        assertThat(p.message()).contains("unknown category \"low_incom\"").contains("did you mean low_income?");
    }

    @Test
    void categoryGradeOutsideTheVocabulary() {
        Problem p = only(with("      min_age: 60\n", "      min_age: 60\n      categories:\n        any: [\"disabled:1-5\"]\n"));
        assertThat(p.fieldPath()).isEqualTo("rules[0].eligibility.categories.any[0]");
        assertThat(p.message()).contains("disabled grades are 1-4");
        Problem ungraded = only(with("      min_age: 60\n", "      min_age: 60\n      categories:\n        none: [\"low_income:2\"]\n"));
        assertThat(ungraded.message()).contains("takes no grade");
    }

    @Test
    void unknownMealSlotReference() {
        Problem p = only(with("      min_age: 60\n", "      min_age: 60\n      meal_slots: [lunch, supper]\n"));
        assertThat(p.line()).isEqualTo(22);
        assertThat(p.fieldPath()).isEqualTo("rules[0].eligibility.meal_slots[1]");
        assertThat(p.message()).contains("unknown meal slot \"supper\"");
    }

    @Test
    void unknownRuleReferenceInALimit() {
        Problem p = only(BASE + "limits:\n  - id: daily\n    window: day\n    max_meals: 1\n    rules: [bsae]\n");
        assertThat(p.line()).isEqualTo(31);
        assertThat(p.fieldPath()).isEqualTo("limits[0].rules[0]");
        assertThat(p.message()).contains("unknown rule \"bsae\"").contains("did you mean base?");
    }

    @Test
    void duplicateRuleIds() {
        String second = "  - id: base\n    name: 又一个\n    eligibility: {}\n    formula: {fixed: 1}\n    funding:\n      - {funder: city, share: rest}\n";
        Problem p = only(BASE + second);
        assertThat(p.line()).isEqualTo(27);
        assertThat(p.fieldPath()).isEqualTo("rules[1]");
        assertThat(p.message()).isEqualTo("rule id \"base\" is defined twice (first at rules[0])");
    }

    @Test
    void duplicateFunderCodes() {
        Problem p = only(with("  - code: district\n", "  - code: city\n").replace("      - funder: city\n        share: rest\n",
                "      - funder: city\n        share: rest\n"));
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.fieldPath()).isEqualTo("funders[1]");
        assertThat(p.message()).contains("funder code \"city\" is defined twice");
    }

    @Test
    void duplicateYamlKey() {
        Problem p = only(with("      fixed: 3\n", "      fixed: 3\n      fixed: 4\n"));
        assertThat(p.line()).isEqualTo(24);
        assertThat(p.fieldPath()).isEqualTo("rules[0].formula.fixed");
        assertThat(p.message()).isEqualTo("key appears twice (first on line 23)");
    }

    @Test
    void overlappingMealWindows() {
        Problem p = only(with("    window: \"16:30-19:30\"\n", "    window: \"13:00-19:30\"\n"));
        assertThat(p.line()).isEqualTo(16);
        assertThat(p.fieldPath()).isEqualTo("meal_slots[1].window");
        assertThat(p.message()).contains("overlaps meal slot lunch");
    }

    @Test
    void badTimeWindows() {
        Problem backwards = only(with("    window: \"10:30-13:30\"\n", "    window: \"13:30-10:30\"\n"));
        assertThat(backwards.line()).isEqualTo(13);
        assertThat(backwards.fieldPath()).isEqualTo("meal_slots[0].window");
        assertThat(backwards.message()).contains("must start before it ends");
        Problem hour = only(with("    window: \"10:30-13:30\"\n", "    window: \"10:30-25:00\"\n"));
        assertThat(hour.message()).contains("not a time of day: 25:00");
        Problem word = only(with("    window: \"10:30-13:30\"\n", "    window: noon\n"));
        assertThat(word.message()).contains("not a time window");
    }

    @Test
    void effectiveToBeforeEffectiveFrom() {
        Problem p = only(with("effective_from: 2024-01-01\n", "effective_from: 2024-01-01\neffective_to: 2023-12-31\n"));
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.fieldPath()).isEqualTo("effective_to");
        assertThat(p.message()).isEqualTo("effective_to 2023-12-31 is before effective_from 2024-01-01");
    }

    @Test
    void ruleDatesOutsideThePolicyOrBackwards() {
        List<Problem> ps = problems(with("    formula:\n", "    effective_from: 2023-06-01\n    effective_to: 2023-05-01\n    formula:\n"));
        assertThat(ps).extracting(Problem::fieldPath).containsExactly("rules[0].effective_from", "rules[0].effective_to");
        assertThat(ps.get(0).message()).contains("before the policy");
        assertThat(ps.get(1).message()).contains("is before effective_from");
    }

    @Test
    void badDate() {
        Problem p = only(with("effective_from: 2024-01-01\n", "effective_from: 2024-02-30\n"));
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).contains("not a date");
    }

    @Test
    void badZone() {
        Problem p = only(with("name: 测试政策\n", "name: 测试政策\nzone: Asia/Beijing\n"));
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.fieldPath()).isEqualTo("zone");
        assertThat(p.message()).contains("unknown time zone \"Asia/Beijing\"");
    }

    @Test
    void fixedSharesThatDoNotCoverTheSubsidyLeaveMoneyUnallocated() {
        Problem p = only(with("        share: rest\n", "        share: 2\n"));
        assertThat(p.line()).isEqualTo(25);
        assertThat(p.fieldPath()).isEqualTo("rules[0].funding");
        assertThat(p.message()).contains("fixed shares add up to ¥2.00 but the rule can grant up to ¥3.00").contains("¥1.00");
        // Covering the fixed amount exactly is fine.
        assertThat(loader.parse(FILE, with("        share: rest\n", "        share: 2\n      - funder: district\n        share: 1\n"))
                .rules().get(0).funding()).hasSize(2);
    }

    @Test
    void capBoundsTheSubsidyForFixedShares() {
        String copay = with("      fixed: 3\n", "      copay: 1\n");
        Problem unbounded = only(copay.replace("        share: rest\n", "        share: 5\n"));
        assertThat(unbounded.message()).contains("no upper limit");
        Policy capped = loader.parse(FILE, copay.replace("    formula:\n", "    cap: 5\n    formula:\n").replace("        share: rest\n", "        share: 5\n"));
        assertThat(capped.rules().get(0).capFen()).isEqualTo(OptionalLong.of(500));
    }

    @Test
    void percentSharesNeedARestPart() {
        Problem p = only(with("        share: rest\n", "        share: 50%\n      - funder: district\n        share: 50%\n"));
        assertThat(p.fieldPath()).isEqualTo("rules[0].funding");
        assertThat(p.message()).contains("percent shares round down").contains("share: rest");
    }

    @Test
    void restMustBeLastAndPercentsAtMostAHundred() {
        Problem notLast = only(with("        share: rest\n", "        share: rest\n      - funder: district\n        share: 1\n"));
        assertThat(notLast.line()).isEqualTo(25);
        assertThat(notLast.fieldPath()).isEqualTo("rules[0].funding[0]");
        assertThat(notLast.message()).contains("must be the last part");
    }

    @Test
    void aFunderMayHaveABaseShareAndALocalTopUp() {
        Policy p = loader.parse(FILE, with("      - funder: city\n        share: rest\n",
                "      - funder: city\n        share: 2\n      - funder: city\n        share: rest\n        only_if: home_district\n"));
        assertThat(p.rules().get(0).funding()).extracting(f -> f.funder()).containsExactly("city", "city");
    }

    @Test
    void percentSharesAboveAHundred() {
        String yaml = with("  - code: district\n    name: 区财政\n", "  - code: district\n    name: 区财政\n  - code: town\n    name: 镇街\n")
                .replace("      - funder: city\n        share: rest\n",
                        "      - funder: city\n        share: 60%\n      - funder: district\n        share: 50%\n      - funder: town\n        share: rest\n");
        Problem p = only(yaml);
        assertThat(p.message()).contains("percent shares add up to 110.00%");
    }

    @Test
    void yamlBombIsRejectedWithoutExpanding() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                b.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            b.append("]\n");
        }
        long start = System.nanoTime();
        List<Problem> ps = problems(b.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(ps).isNotEmpty();
        assertThat(ps.get(0).message()).containsAnyOf("anchors and aliases", "aliases");
    }

    @Test
    void aSingleAnchorIsRefusedToo() {
        List<Problem> ps = problems(with("    eligibility:\n      min_age: 60\n", "    eligibility: &who\n      min_age: 60\n"));
        assertThat(ps).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(20);
            assertThat(p.message()).contains("anchors and aliases (&who / *who) are not allowed");
        });
    }

    @Test
    void customTagsAreRefused() {
        Problem p = only(with("      fixed: 3\n", "      fixed: !!binary AAAA\n"));
        assertThat(p.line()).isEqualTo(23);
        assertThat(p.message()).contains("tag").contains("not allowed");
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        String deep = "id: " + "[".repeat(200_000) + "\n";
        assertThat(problems(deep)).isNotEmpty();
    }

    @Test
    void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, BASE + "#" + "x".repeat(1 << 20) + "\n");
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.load(f));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).contains("limit is 1048576");
        });
    }

    @Test
    void fileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("gbk.yaml");
        byte[] gbkName = "name: 测试\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] head = "id: x\nversion: \"1\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + gbkName.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(gbkName, 0, all, head.length, gbkName.length);
        Files.write(f, all);
        Problem p = catchThrowableOfType(PolicyFileException.class, () -> loader.load(f)).problems().get(0);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).contains("not valid UTF-8");
    }

    @Test
    void missingFileIsAProblemOfThatFile(@TempDir Path dir) {
        Path f = dir.resolve("nope.yaml");
        assertThat(loader.check(f)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f.toString());
            assertThat(p.message()).contains("cannot read file");
        });
    }

    @Test
    void emptyFile() {
        assertThat(only("# nothing but a comment\n").message()).isEqualTo("file is empty");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() {
        String yaml = with("effective_from: 2024-01-01\n", "effective_from: 2024-13-01\n")
                .replace("    window: \"10:30-13:30\"\n", "    window: \"10:30-13:70\"\n")
                .replace("      fixed: 3\n", "      fixed: -3\n")
                .replace("      - funder: city\n", "      - funder: cty\n");
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.parse(FILE, yaml));
        assertThat(e.problems()).extracting(Problem::line).containsExactly(4, 13, 23, 25);
        assertThat(e.getMessage()).startsWith(FILE + ": 4 problems\n")
                .contains(FILE + ":4:17: effective_from: not a date")
                .contains(FILE + ":23:14: rules[0].formula.fixed: must not be negative (-3)")
                .contains(FILE + ":25:17: rules[0].funding[0].funder: unknown funder \"cty\"");
    }

    @Test
    void ageBoundsAndOrder() {
        Problem backwards = only(with("      min_age: 60\n", "      min_age: 80\n      max_age: 79\n"));
        assertThat(backwards.line()).isEqualTo(22);
        assertThat(backwards.fieldPath()).isEqualTo("rules[0].eligibility.max_age");
        assertThat(backwards.message()).contains("below min_age 80");
        assertThat(only(with("      min_age: 60\n", "      min_age: 200\n")).message()).contains("between 0 and 150");
    }

    @Test
    void limitNeedsAMaximum() {
        Problem p = only(BASE + "limits:\n  - id: daily\n    window: day\n");
        assertThat(p.line()).isEqualTo(28);
        assertThat(p.fieldPath()).isEqualTo("limits[0]");
        assertThat(p.message()).contains("needs max_meals and/or max_subsidy");
        Problem window = only(BASE + "limits:\n  - id: daily\n    window: fortnight\n    max_meals: 1\n");
        assertThat(window.message()).contains("\"fortnight\" is not one of");
    }

    @Test
    void providerWindowNeedsItsMaximum() {
        String provider = "provider_subsidies:\n  - id: op\n    name: 运营\n    role: operator\n    eligibility: {}\n    amount: 3\n"
                + "    funder: city\n    requires_meal_subsidy: true\n    window: day\n";
        Problem p = only(BASE + provider);
        assertThat(p.line()).isEqualTo(28);
        assertThat(p.fieldPath()).isEqualTo("provider_subsidies[0]");
        assertThat(p.message()).contains("window and max_per_window together");
        Problem role = only(BASE + provider.replace("operator", "driver").replace("    window: day\n", ""));
        assertThat(role.fieldPath()).isEqualTo("provider_subsidies[0].role");
    }

    @Test
    void policyMayNotRedefineAStandardCategory() {
        Problem p = only(with("meal_slots:\n", "categories:\n  - code: low_income\n    name: 低收入\nmeal_slots:\n"));
        assertThat(p.line()).isEqualTo(11);
        assertThat(p.fieldPath()).isEqualTo("categories[0].code");
        assertThat(p.message()).contains("already a standard category");
    }

    @Test
    void policyCategoryCanBeUsedWithItsGrades() {
        Policy p = loader.parse(FILE, with("meal_slots:\n", "categories:\n  - code: star_rating\n    name: 星级\n    grades: 1-5\nmeal_slots:\n")
                .replace("      min_age: 60\n", "      min_age: 60\n      categories:\n        any: [\"star_rating:4-5\"]\n"));
        assertThat(p.rules().get(0).eligibility().categories().matchers()).extracting(Object::toString).containsExactly("star_rating:4-5");
        assertThat(problems(with("meal_slots:\n", "categories:\n  - code: star_rating\n    name: 星级\n    grades: 1-5\nmeal_slots:\n")
                .replace("      min_age: 60\n", "      min_age: 60\n      categories:\n        any: [\"star_rating:6\"]\n")))
                .singleElement().satisfies(pr -> assertThat(pr.message()).contains("grades are 1-5"));
    }

    @Test
    void weekdaysAsListOrRange() {
        Policy p = loader.parse(FILE, with("      min_age: 60\n", "      min_age: 60\n      weekdays: [sat, sunday]\n"));
        assertThat(p.rules().get(0).eligibility().weekdays()).hasSize(2);
        Problem bad = only(with("      min_age: 60\n", "      min_age: 60\n      weekdays: fri-mon\n"));
        assertThat(bad.fieldPath()).isEqualTo("rules[0].eligibility.weekdays");
        assertThat(bad.message()).contains("not a weekday range");
    }

    @Test
    void badRegistrationPrefixAndLocality() {
        List<Problem> ps = problems(with("      min_age: 60\n", "      min_age: 60\n      registered_in: [44-01]\n      eats_in: home_twon\n"));
        assertThat(ps).extracting(Problem::fieldPath).containsExactly("rules[0].eligibility.registered_in[0]", "rules[0].eligibility.eats_in");
        assertThat(ps.get(1).message()).contains("did you mean home_town?");
    }

    @Test
    void exceptionMessageIsTheProblemList() {
        assertThatThrownBy(() -> loader.parse(FILE, with("      fixed: 3\n", "      fixed: -3\n")))
                .isInstanceOf(PolicyFileException.class)
                .hasMessage(FILE + ": 1 problem\n" + FILE + ":23:14: rules[0].formula.fixed: must not be negative (-3)");
    }

    @Test
    void aGarbageFileListsTheFirstTwoHundredProblemsAndCountsTheRest() {
        StringBuilder yaml = new StringBuilder(BASE);
        for (int i = 0; i < 300; i++) {
            yaml.append("extra_").append(i).append(": x\n");
        }
        PolicyFileException e = catchThrowableOfType(PolicyFileException.class, () -> loader.parse(FILE, yaml.toString()));
        assertThat(e.total()).isEqualTo(300);
        assertThat(e.problems()).hasSize(200);
        assertThat(e.problems().get(0).line()).isEqualTo(27);
        assertThat(e.getMessage()).startsWith(FILE + ": 300 problems\n").endsWith("… and 100 more");
    }
}
