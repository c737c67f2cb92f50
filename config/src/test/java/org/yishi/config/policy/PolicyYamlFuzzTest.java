package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.yishi.config.yaml.Problem;
import org.yishi.core.policy.Policy;

/**
 * Fuzzes the policy loader ({@link PolicyLoader}, through {@code YamlSource}) with arbitrary file contents: policy
 * files are written by people and arrive from outside (docs/testing.md). The contract: a file either loads, or is
 * refused with a {@link PolicyFileException} listing at least one problem, each with a message; any other exception
 * (a YAML library error leaking through, a NullPointerException, a ClassCastException on an unexpected node ...) is
 * a finding.
 *
 * <p>{@code mvn verify} runs the committed inputs under {@code src/test/resources/org/yishi/config/policy/
 * PolicyYamlFuzzTestInputs/loadPolicy/} (the shipped policies and every past finding);
 * {@code scripts/fuzz.sh config PolicyYamlFuzzTest loadPolicy MINUTES} fuzzes.
 */
class PolicyYamlFuzzTest {

    private static final PolicyLoader LOADER = new PolicyLoader();

    @FuzzTest
    void loadPolicy(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        Policy policy;
        try {
            policy = LOADER.parse("fuzz.yaml", yaml);
        } catch (PolicyFileException refused) {
            assertThat(refused.problems()).as("a refused file names its problems").isNotEmpty();
            for (Problem p : refused.problems()) {
                assertThat(p.message()).as("problem %s", p).isNotBlank();
            }
            return;
        }
        assertThat(policy).isNotNull();
    }
}
