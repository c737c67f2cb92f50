package org.yishi.till.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.till.cli.YishiCommandTest.Run;

class PolicyCommandTest {

    private static final Path POLICIES = Path.of("..", "policies");

    @TempDir
    Path dir;

    @Test
    void theShippedPoliciesAllPass() {
        Run r = YishiCommandTest.run("policy", "check", POLICIES.resolve("guangzhou-city-2022.yaml").toString(),
                POLICIES.resolve("guangzhou-zengcheng-2020.yaml").toString(), POLICIES.resolve("shenzhen-2025.yaml").toString(),
                POLICIES.resolve("beijing-2022.yaml").toString());
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("通过"))).hasSize(4);
    }

    @Test
    void aBrokenPolicyIsReportedWithFileLineAndField() throws Exception {
        String good = Files.readString(POLICIES.resolve("guangzhou-zengcheng-2020.yaml"));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, good.replaceFirst("funder: city", "funder: cty"));
        Run r = YishiCommandTest.run("--lang", "en", "policy", "check", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("INVALID " + bad).containsPattern("bad\\.yaml:\\d+:\\d+: rules\\[\\d+\\]\\.funding\\[\\d+\\]\\.funder: .*cty");
    }

    @Test
    void warningsArePrintedApartAndDoNotFailTheCheck() throws Exception {
        String good = Files.readString(POLICIES.resolve("guangzhou-zengcheng-2020.yaml"));
        Path hardshipOnly = dir.resolve("hardship-limit.yaml");
        Files.writeString(hardshipOnly, good.replaceFirst("limits:\n", "limits:\n  - id: hardship_month\n    window: month\n"
                + "    max_meals: 40\n    rules: [hardship]\n"));
        Run r = YishiCommandTest.run("--lang", "en", "policy", "check", hardshipOnly.toString());
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains("OK " + hardshipOnly).contains("2 warning(s)")
                .containsPattern("  warning: .*hardship-limit\\.yaml:\\d+:\\d+: limits\\[0\\]\\.rules: limit hardship_month lists rules of group main but not age_80_plus")
                .contains("but not age_60_79");
        Run zh = YishiCommandTest.run("policy", "check", hardshipOnly.toString());
        assertThat(zh.status()).isZero();
        assertThat(zh.out()).contains("2 条警告").contains("  警告：");
    }

    @Test
    void simulateIsTheAdministratorsNotTheTills() {
        Run r = YishiCommandTest.run("--lang", "en", "policy", "simulate", "--policy",
                POLICIES.resolve("guangzhou-zengcheng-2020.yaml").toString(), "--purchases", "x.csv");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument", "simulate");
    }
}
