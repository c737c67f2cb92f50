package org.yishi.admin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.admin.AdminCommandRunner;
import org.yishi.admin.AdminCommandRunner.Run;

class PolicySimulateCommandTest {

    private static final Path POLICIES = Path.of("..", "policies");

    @TempDir
    Path dir;

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
        Run r = AdminCommandRunner.run("--lang", "en", "policy", "simulate", "--policy",
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

    @Test
    void withoutOutTheCsvGoesToStandardOutputAndTheSummaryToStandardErrorInChinese() throws Exception {
        Path purchases = dir.resolve("purchases.csv");
        Files.write(purchases, List.of(
                "purchase_id,elder_id,birth_date,categories,registered_district,registered_town,canteen_id,canteen_district,canteen_town,channel,meal_slot,time,price_fen",
                "P1,E1,1940-03-01,,440118,440118002,C01,440118,440118001,dine_in,lunch,2020-10-12T11:30,1200"),
                StandardCharsets.UTF_8);

        Run r = AdminCommandRunner.run("policy", "simulate", "--policy", POLICIES.resolve("guangzhou-zengcheng-2020.yaml").toString(),
                "--purchases", purchases.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2).last().asString().startsWith("P1,yes,");
        assertThat(r.err()).contains("政策 guangzhou-zengcheng");
    }

    @Test
    void aBrokenPolicyOrAMissingPurchasesFileIsRefused() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "id: x\n");
        Run broken = AdminCommandRunner.run("--lang", "en", "policy", "simulate", "--policy", bad.toString(), "--purchases", "x.csv");
        Run missing = AdminCommandRunner.run("--lang", "en", "policy", "simulate", "--policy",
                POLICIES.resolve("guangzhou-zengcheng-2020.yaml").toString(), "--purchases", dir.resolve("none.csv").toString());

        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("INVALID", "bad.yaml");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("No purchases file", "none.csv");
    }
}
