package org.yishi.config.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.csv.CsvWriter;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.policy.Policy;
import org.yishi.core.subsidy.SubsidyEngine;

/**
 * The shipped policies against tables worked out by hand from the policy texts
 * ({@code src/test/resources/expected/<policy>.csv}): purchase columns as in a simulate input file, then the
 * expected eligibility, rule, subsidy, copayment, refusal reason, per-funder meal-subsidy parts and provider
 * grants. Rows run in order through the real engine via {@link Simulation}, so limits apply across rows.
 * Test policies for format features ({@code src/test/resources/policies/<policy>.yaml}) are checked the same way;
 * their tables may add {@code expect_detail}, the refusal detail staff see, compared exactly when not empty.
 */
class ExpectedResultsTest {

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-city-2022", "guangzhou-zengcheng-2020", "shenzhen-2025", "beijing-2022"})
    void policyGivesTheHandWorkedResults(String name) throws IOException {
        check(new PolicyLoader().load(Path.of("..", "policies", name + ".yaml")), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"category-combinations"})
    void testPolicyGivesTheHandWorkedResults(String name) throws IOException {
        try (InputStreamReader yaml = resource("/policies/" + name + ".yaml")) {
            check(new PolicyLoader().load(name + ".yaml", yaml), name);
        }
    }

    private static void check(Policy policy, String name) throws IOException {
        List<CsvRecord> expected = readAll(resource("/expected/" + name + ".csv"));
        assertThat(expected).hasSizeBetween(8, 15);

        StringWriter input = new StringWriter();
        CsvWriter in = new CsvWriter(input);
        in.row(Simulation.inputColumns());
        for (CsvRecord e : expected) {
            in.row(Simulation.inputColumns().stream().map(e::get).toList());
        }
        StringWriter output = new StringWriter();
        SimulationResult result = new Simulation(new SubsidyEngine()).run(policy, new StringReader(input.toString()), output);
        assertThat(result.errors()).isZero();
        List<CsvRecord> actual = readAll(new StringReader(output.toString()));
        assertThat(actual).hasSameSizeAs(expected);

        SoftAssertions soft = new SoftAssertions();
        for (int i = 0; i < expected.size(); i++) {
            CsvRecord e = expected.get(i);
            CsvRecord a = actual.get(i);
            String what = e.get("purchase_id") + " (" + e.get("note") + ")";
            soft.assertThat(a.get("purchase_id")).as(what).isEqualTo(e.get("purchase_id"));
            soft.assertThat(a.get("eligible")).as(what + " eligible").isEqualTo(e.get("expect_eligible"));
            soft.assertThat(a.get("rule")).as(what + " rule").isEqualTo(e.get("expect_rule"));
            soft.assertThat(a.get("subsidy_fen")).as(what + " subsidy").isEqualTo(e.get("expect_subsidy_fen"));
            soft.assertThat(a.get("copay_fen")).as(what + " copay").isEqualTo(e.get("expect_copay_fen"));
            soft.assertThat(a.get("reason").split(":", 2)[0]).as(what + " reason").isEqualTo(e.get("expect_reason"));
            if (e.header().containsKey("expect_detail") && !e.get("expect_detail").isEmpty()) {
                soft.assertThat(a.get("reason")).as(what + " detail").isEqualTo(e.get("expect_reason") + ": " + e.get("expect_detail"));
            }
            Map<String, String> parts = parts(e.get("expect_funders"));
            for (var f : policy.funders()) {
                soft.assertThat(a.get("funder:" + f.code())).as(what + " funder " + f.code()).isEqualTo(parts.getOrDefault(f.code(), "0"));
            }
            Map<String, String> grants = parts(e.get("expect_providers"));
            for (var p : policy.providerSubsidies()) {
                soft.assertThat(a.get("provider:" + p.id())).as(what + " provider " + p.id()).isEqualTo(grants.getOrDefault(p.id(), "0"));
            }
            soft.assertThat(parts.keySet()).as(what + " names only the policy's funders")
                    .allMatch(code -> policy.funder(code).isPresent());
        }
        soft.assertAll();
    }

    private static Map<String, String> parts(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!text.isBlank()) {
            for (String p : text.split(";")) {
                String[] kv = p.split("=", 2);
                out.put(kv[0].strip(), kv[1].strip());
            }
        }
        return out;
    }

    private static InputStreamReader resource(String path) {
        InputStream in = ExpectedResultsTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static List<CsvRecord> readAll(java.io.Reader reader) throws IOException {
        List<CsvRecord> out = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(reader)) {
            Optional<CsvRecord> r;
            while ((r = csv.next()).isPresent()) {
                out.add(r.get());
            }
        }
        return out;
    }
}
