package org.yishi.config.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.config.csv.CsvReader;
import org.yishi.config.csv.CsvRecord;
import org.yishi.config.policy.PolicyLoader;
import org.yishi.core.policy.Policy;
import org.yishi.core.policy.ProviderRole;
import org.yishi.core.subsidy.SubsidyEngine;

class SimulationTest {

    private static final String HEADER = String.join(",", Simulation.inputColumns());
    private static final Policy GUANGZHOU = new PolicyLoader().load(Path.of("..", "policies", "guangzhou-city-2022.yaml"));
    private static final Policy SHENZHEN = new PolicyLoader().load(Path.of("..", "policies", "shenzhen-2025.yaml"));

    private final Simulation simulation = new Simulation(new SubsidyEngine());

    /** A Guangzhou row for elder {@code elder}, 72 and registered in Tianhe, eating in Tianhe. */
    private static String gz(String id, String elder, String slot, String time, String price) {
        return id + "," + elder + ",1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in," + slot + "," + time + "," + price;
    }

    private record Run(SimulationResult result, List<CsvRecord> rows, String text) {
        CsvRecord row(String purchaseId) {
            return rows.stream().filter(r -> r.get("purchase_id").equals(purchaseId)).findFirst().orElseThrow();
        }
    }

    private Run run(Policy policy, String csv) {
        StringWriter out = new StringWriter();
        SimulationResult result = simulation.run(policy, new StringReader(csv), out);
        List<CsvRecord> rows = new ArrayList<>();
        CsvReader reader = CsvReader.open(new StringReader(out.toString()));
        assertThat(reader.header().keySet()).containsExactlyElementsOf(Simulation.outputColumns(policy));
        Optional<CsvRecord> r;
        while ((r = reader.next()).isPresent()) {
            rows.add(r.get());
        }
        return new Run(result, rows, out.toString());
    }

    @Test
    void outputColumnsAreFixedThenFundersThenProvidersInPolicyOrder() {
        assertThat(Simulation.outputColumns(SHENZHEN)).containsExactly("purchase_id", "eligible", "rule", "subsidy_fen", "copay_fen",
                "reason", "funder:district", "provider:operator_per_meal", "provider:delivery_centenarian", "provider:delivery_incapacitated");
        assertThat(Simulation.outputColumns(GUANGZHOU)).endsWith("funder:city", "funder:district");
    }

    @Test
    void limitsAreTrackedPerElderAcrossRows() {
        String csv = HEADER + "\n"
                + gz("P1", "E1", "lunch", "2022-03-07T11:00", "1200") + "\n"
                + gz("P2", "E2", "lunch", "2022-03-07T11:05", "1200") + "\n"
                + gz("P3", "E1", "lunch", "2022-03-07T12:00", "1200") + "\n"
                + gz("P4", "E1", "dinner", "2022-03-07T17:00", "1200") + "\n"
                + gz("P5", "E1", "lunch", "2022-03-08T11:00", "1200") + "\n";
        Run run = run(GUANGZHOU, csv);
        assertThat(run.rows()).extracting(r -> r.get("purchase_id") + "=" + r.get("eligible") + "/" + r.get("subsidy_fen"))
                .containsExactly("P1=yes/300", "P2=yes/300", "P3=no/0", "P4=yes/300", "P5=yes/300");
        assertThat(run.row("P3").get("reason")).startsWith("limit_reached");
        assertThat(run.row("P3").get("copay_fen")).isEqualTo("1200");
        assertThat(run.result().subsidised()).isEqualTo(4);
        assertThat(run.result().notSubsidised()).isEqualTo(1);
        assertThat(run.result().refusals()).containsEntry("limit_reached", 1L);
    }

    @Test
    void totalsPerFunderAddUpTheRows() {
        String csv = HEADER + "\n"
                + gz("P1", "E1", "lunch", "2022-03-07T11:00", "1000") + "\n"   // 250: 125 + 125
                + gz("P2", "E2", "lunch", "2022-03-07T11:05", "990") + "\n"    // 247: 123 + 124
                + gz("P3", "E3", "breakfast", "2022-03-07T08:00", "800") + "\n"; // not subsidised
        SimulationResult r = run(GUANGZHOU, csv).result();
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.priceFen()).isEqualTo(2790);
        assertThat(r.subsidyFen()).isEqualTo(497);
        assertThat(r.copayFen()).isEqualTo(2293);
        assertThat(r.funders()).containsExactly(new FunderTotal("city", "广州市财政", 2, 248, 0), new FunderTotal("district", "区财政", 2, 249, 0));
        assertThat(r.summary()).contains("3 rows, 2 subsidised, 1 not subsidised, 0 errors")
                .contains("price ¥27.90 = subsidy ¥4.97 + copay ¥22.93").contains("not subsidised: not_eligible 1");
        StringWriter totals = new StringWriter();
        r.writeFunderTotals(totals);
        assertThat(totals.toString()).isEqualTo("""
                funder,name,meals,meal_subsidy_fen,provider_fen,total_fen
                city,广州市财政,2,248,0,248
                district,区财政,2,249,0,249
                """);
    }

    @Test
    void providerSubsidiesHaveTheirOwnColumnsAndTotals() {
        String csv = HEADER + "\n"
                + "S1,E1,1920-01-01,,440304,440304001,FT-01,440304,440304001,delivery,lunch,2025-03-03T11:30,1800\n"
                + "S2,E2,1950-01-01,incapacitated:3,440304,440304001,FT-01,440304,440304001,delivery,lunch,2025-03-03T11:31,1500\n";
        Run run = run(SHENZHEN, csv);
        assertThat(run.row("S1").get("provider:delivery_centenarian")).isEqualTo("200");
        assertThat(run.row("S1").get("provider:operator_per_meal")).isEqualTo("200");
        assertThat(run.row("S1").get("funder:district")).isEqualTo("1500");
        assertThat(run.row("S2").get("provider:delivery_incapacitated")).isEqualTo("200");
        SimulationResult r = run.result();
        assertThat(r.funders()).containsExactly(new FunderTotal("district", "区级财政", 2, 2000, 800));
        assertThat(r.providers()).containsExactly(
                new ProviderTotal("operator_per_meal", ProviderRole.OPERATOR, "district", 2, 400),
                new ProviderTotal("delivery_centenarian", ProviderRole.DELIVERY, "district", 1, 200),
                new ProviderTotal("delivery_incapacitated", ProviderRole.DELIVERY, "district", 1, 200));
        assertThat(r.providerFen()).isEqualTo(800);
        assertThat(r.summary()).contains("provider delivery_centenarian (delivery, paid by district): 1 grants, ¥2.00");
    }

    @Test
    void badRowsAreReportedWithLineAndColumnAndTheGoodRowsStillRun() {
        String csv = HEADER + "\n"
                + gz("P1", "E1", "lunch", "2022-03-07T11:00", "1200") + "\n"                          // line 2 good
                + "P2,E2,1950-13-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n" // 3 bad date
                + "P3,,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n"   // 4 empty elder
                + "P4,=HYPERLINK(1),1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n" // 5
                + "P5,E5,1950-01-01,low_incom;disabled:7,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n" // 6
                + "P6,E6,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,-1200\n" // 7 negative
                + "P7,E7,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00\n"       // 8 short
                + "P8,E8,1950-01-01,,440106,440106001,TH-01,440106,440106001,takeaway,lunch,2022-03-07T11:00,1200\n" // 9 channel
                + "P9,E9,1950-01-01,\"minimum_living\"x,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n" // 10 quoting
                + "P10,E10,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,12.00\n" // 11 not fen
                + gz("P11", "E11", "lunch", "2022-03-07T11:10", "1000") + "\n";                       // 12 good
        Run run = run(GUANGZHOU, csv);
        SimulationResult r = run.result();
        assertThat(r.rows()).isEqualTo(11);
        assertThat(r.errors()).isEqualTo(9);
        assertThat(r.subsidised()).isEqualTo(2);
        assertThat(run.row("P1").get("subsidy_fen")).isEqualTo("300");
        assertThat(run.row("P11").get("subsidy_fen")).isEqualTo("250");
        assertThat(run.rows()).hasSize(11);

        assertThat(run.row("P2").get("eligible")).isEqualTo("error");
        assertThat(run.row("P2").get("reason")).isEqualTo("line 3, column 3 (birth_date): not a date (YYYY-MM-DD): \"1950-13-01\"");
        assertThat(run.row("P2").get("subsidy_fen")).isEmpty();
        assertThat(run.row("P2").get("funder:city")).isEmpty();
        assertThat(run.row("P3").get("reason")).isEqualTo("line 4, column 2 (elder_id): is empty");
        assertThat(run.row("P4").get("reason")).startsWith("line 5, column 2 (elder_id): must be an id");
        assertThat(run.row("P5").get("reason"))
                .contains("line 6, column 4 (categories): unknown category \"low_incom\" (did you mean low_income?)")
                .contains("; line 6, column 4 (categories): category disabled (持证残疾人) grade must be 1-4");
        assertThat(run.row("P6").get("reason")).isEqualTo("line 7, column 13 (price_fen): must not be negative (-1200)");
        assertThat(run.row("P7").get("reason")).isEqualTo("line 8: has 12 fields; the header has 13");
        assertThat(run.row("P8").get("reason")).isEqualTo("line 9, column 10 (channel): must be dine_in or delivery, not \"takeaway\"");
        assertThat(run.row("P10").get("reason")).contains("line 11, column 13 (price_fen): must be a whole number of fen");
        CsvRecord quoting = run.rows().get(8);
        assertThat(quoting.get("purchase_id")).isEmpty();
        assertThat(quoting.get("eligible")).isEqualTo("error");
        assertThat(quoting.get("reason")).isEqualTo("line 10: unexpected character 'x' after a closing quote");

        assertThat(r.firstErrors()).extracting(RowError::line).containsExactly(3L, 4L, 5L, 6L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(r.summary()).contains("9 errors").contains("error: line 3, column 3 (birth_date)");
        // The elder of a bad row does not leave history behind, so nothing is double-counted.
        assertThat(r.subsidyFen()).isEqualTo(550);
    }

    @Test
    void inconsistentOrImpossibleValuesAreErrors() {
        String csv = HEADER + "\n"
                + "P1,E1,2023-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n"
                + "P2,E2,1950-01-01,,440106,440111001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n"
                + "P3,E3,1950-01-01,minimum_living;minimum_living,4401,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07 25:00,1200\n";
        Run run = run(GUANGZHOU, csv);
        assertThat(run.row("P1").get("reason")).contains("column 3 (birth_date): born 2023-01-01, after the purchase");
        assertThat(run.row("P2").get("reason")).contains("column 6 (registered_town): town 440111001 is not in district 440106");
        assertThat(run.row("P3").get("reason"))
                .contains("column 4 (categories): category minimum_living given twice")
                .contains("column 5 (registered_district): must be a 6-digit GB/T 2260 district code")
                .contains("column 12 (time): not a date and time");
    }

    @Test
    void emptyMealSlotIsDerivedFromTheTimeAndOffsetsAreConvertedToThePolicyZone() {
        String csv = HEADER + "\n"
                + gz("P1", "E1", "", "2022-03-07T12:00", "1200") + "\n"
                + gz("P2", "E2", "", "2022-03-07T07:30", "1200") + "\n"
                + gz("P3", "E3", "lunch", "2022-03-07T04:00Z", "1200") + "\n"   // 12:00 in Shanghai
                + gz("P4", "E4", "lunch", "2022-03-07 12:00:30", "1200") + "\n";
        Run run = run(GUANGZHOU, csv);
        assertThat(run.row("P1").get("subsidy_fen")).isEqualTo("300");
        assertThat(run.row("P2").get("eligible")).isEqualTo("no");   // derived breakfast: not subsidised
        assertThat(run.row("P2").get("reason")).startsWith("not_eligible");
        assertThat(run.row("P3").get("subsidy_fen")).isEqualTo("300");
        assertThat(run.row("P4").get("subsidy_fen")).isEqualTo("300");
    }

    @Test
    void columnsMayComeInAnyOrderAndABomIsSkipped() {
        List<String> reversed = new ArrayList<>(Simulation.inputColumns());
        java.util.Collections.reverse(reversed);
        String row = "1200,2022-03-07T12:00,lunch,dine_in,440106001,440106,TH-01,440106001,440106,,1950-01-01,E1,P1";
        Run run = run(GUANGZHOU, "\uFEFF" + String.join(",", reversed) + "\r\n" + row + "\r\n");
        assertThat(run.row("P1").get("subsidy_fen")).isEqualTo("300");
    }

    @Test
    void aWrongHeaderStopsTheRunWithAClearMessage() {
        String missing = HEADER.replace(",price_fen", "");
        assertThatThrownBy(() -> simulation.run(GUANGZHOU, new StringReader(missing + "\n"), new StringWriter()))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("line 1: header lacks column(s) price_fen");
        assertThatThrownBy(() -> simulation.run(GUANGZHOU, new StringReader(HEADER + ",remark\n"), new StringWriter()))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("unknown column(s) remark");
        assertThatThrownBy(() -> simulation.run(GUANGZHOU, new StringReader(""), new StringWriter()))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void filesAreReadAsUtf8AndBadBytesMakeOnlyTheirRowAnError(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("purchases.csv");
        Path out = dir.resolve("results.csv");
        byte[] good = (HEADER + "\n" + gz("P1", "E1", "lunch", "2022-03-07T11:00", "1200") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "P2,E\u00ff2,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(in, all);
        SimulationResult r = simulation.run(GUANGZHOU, in, out);
        assertThat(r.subsidised()).isEqualTo(1);
        assertThat(r.errors()).isEqualTo(1);
        assertThat(Files.readString(out)).contains("P2,error,,,,\"line 3, column 2 (elder_id): contains bytes that are not valid UTF-8\"");
    }

    @Test
    void quotedFieldsWithCommasAndNewlinesAreOneRecord() {
        String csv = HEADER + "\n"
                + "P1,E1,1950-01-01,\"minimum_living;\ndisabled:2\",440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,1200\n"
                + "P2,E2,1950-01-01,,440106,440106001,TH-01,440106,440106001,dine_in,lunch,2022-03-07T11:00,\"1,200\"\n";
        Run run = run(GUANGZHOU, csv);
        assertThat(run.row("P1").get("subsidy_fen")).isEqualTo("300");
        assertThat(run.row("P2").get("reason")).isEqualTo("line 4, column 13 (price_fen): must be a whole number of fen (1200 for ¥12), not \"1,200\"");
    }
}
