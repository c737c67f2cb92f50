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
    void simulateWritesOneLinePerPurchaseAndTotalsPerFunderEvenWithABadRow() throws Exception {
        Path purchases = dir.resolve("purchases.csv");
        Files.write(purchases, List.of(
                "purchase_id,elder_id,birth_date,categories,registered_district,registered_town,canteen_id,canteen_district,canteen_town,channel,meal_slot,time,price_fen",
                // 80+ from another town of Zengcheng: city 3 + district 3, no town part
                "P1,E1,1940-03-01,,440118,440118002,C01,440118,440118001,dine_in,lunch,2020-10-12T11:30,1200",
                "P2,E2,1940-03-01,,440118,440118001,C01,440118,440118001,dine_in,lunch,2020-13-12T11:30,1200",
                "P3,E3,1950-03-01,minimum_living,440118,440118001,C01,440118,440118001,dine_in,lunch,2020-10-12T11:40,1200"),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("result.csv");
        Run r = YishiCommandTest.run("--lang", "en", "policy", "simulate", "--policy",
                POLICIES.resolve("guangzhou-zengcheng-2020.yaml").toString(), "--purchases", purchases.toString(), "--out", out.toString());
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("purchase_id,eligible,rule,subsidy_fen,copay_fen,reason,funder:");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("P1,yes,").contains(",600,600,");
        assertThat(lines.get(2)).startsWith("P2,error,");
        assertThat(lines.get(3)).startsWith("P3,yes,").contains(",1100,100,");
        assertThat(r.out()).contains("3 purchases, 2 subsidised, 0 not subsidised, 1 with errors")
                .contains("subsidy ¥17.00").contains("line 3");
    }
}
