package org.yishi.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yishi.core.policy.Policy;

class AppliesAtTest {

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void theShippedPoliciesNameTheirTerritory() {
        Policy zengcheng = loader.load(Path.of("..", "policies", "guangzhou-zengcheng-2020.yaml"));
        assertThat(zengcheng.appliesAt()).containsExactly("440118");
        assertThat(zengcheng.appliesAt("440118")).isTrue();
        assertThat(zengcheng.appliesAt("440106")).isFalse();
        assertThat(loader.load(Path.of("..", "policies", "guangzhou-city-2022.yaml")).appliesAt("440106")).isTrue();
    }

    @Test
    void aBadPrefixIsReportedWithItsPosition() {
        String yaml = """
                id: p
                version: "1"
                name: test
                effective_from: 2024-01-01
                applies_at: ["4401", "Guangzhou"]
                funders:
                  - code: city
                    name: 市财政
                meal_slots:
                  - code: lunch
                    name: 午餐
                    window: "10:30-13:30"
                rules:
                  - id: r
                    name: r
                    eligibility: {}
                    formula:
                      fixed: 3
                    funding:
                      - funder: city
                        share: rest
                """;
        assertThatThrownBy(() -> loader.parse("p.yaml", yaml)).isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("p.yaml:5:").hasMessageContaining("applies_at[1]").hasMessageContaining("district-code prefix");
    }
}
