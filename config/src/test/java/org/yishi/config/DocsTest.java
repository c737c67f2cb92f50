package org.yishi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yishi.config.category.CategoryVocabulary;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.config.simulate.Simulation;
import org.yishi.core.policy.CategoryDefinition;
import org.yishi.core.policy.Policy;

/** The documentation stays true: its example loads, its tables match the code. */
class DocsTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void annotatedPolicyExampleAndTopUpSnippetLoad() throws IOException {
        String md = Files.readString(DOCS.resolve("policy-format.md"));
        List<String> blocks = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(md).results().map(r -> r.group(1)).toList();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        Policy example = new PolicyLoader().parse("policy-format.md example", blocks.get(0));
        assertThat(example.rules()).hasSize(2);
        // The charity top-up is a rule of its own group; with a charity funder it loads into the example.
        String withTopUp = blocks.get(0)
                .replace("    name: 广州市财政\n", "    name: 广州市财政\n  - code: charity\n    name: 慈善\n")
                .replace("limits:", block(blocks, "group: top_up") + "\nlimits:");
        Policy stacked = new PolicyLoader().parse("example + top-up", withTopUp);
        assertThat(stacked.rules()).extracting(r -> r.group()).containsExactly("main", "main", "top_up");
        // The category-conditions snippet replaces the first rule's eligibility.
        String first = blocks.get(0);
        int from = first.indexOf("    eligibility:");
        String withAllOf = first.substring(0, from) + block(blocks, "- any: [minimum_living, near_minimum_living]")
                + first.substring(first.indexOf("    formula:", from));
        Policy allOf = new PolicyLoader().parse("example + category conditions", withAllOf);
        assertThat(allOf.rules().get(0).eligibility().categories().conjuncts()).hasSize(3);
    }

    private static String block(List<String> blocks, String containing) {
        return blocks.stream().filter(b -> b.contains(containing)).findFirst().orElseThrow();
    }

    @Test
    void categoryTableListsExactlyTheVocabulary() throws IOException {
        String md = Files.readString(DOCS.resolve("categories.md"));
        String table = md.substring(md.indexOf("## The standard codes"), md.indexOf("## Grades"));
        List<String> codes = new ArrayList<>();
        Matcher m = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(table);
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).containsExactlyElementsOf(CategoryVocabulary.standard().definitions().stream().map(CategoryDefinition::code).toList());
    }

    @Test
    void simulateDocListsTheInputColumnsInOrder() throws IOException {
        String md = Files.readString(DOCS.resolve("simulate.md"));
        String table = md.substring(md.indexOf("## Input"), md.indexOf("## Output"));
        List<String> columns = new ArrayList<>();
        Matcher m = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(table);
        while (m.find()) {
            columns.add(m.group(1));
        }
        assertThat(columns).containsExactlyElementsOf(Simulation.inputColumns());
    }
}
