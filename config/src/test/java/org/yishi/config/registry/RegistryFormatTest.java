package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.config.csv.CsvFormatException;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.ResidentId;

class RegistryFormatTest {

    private static final String HEADER = "elder_id,name,resident_id,gender,birth_date,categories,registered_district,registered_town,phone,status,status_since\n";

    private static String idFor(LocalDate birth, int seq) {
        return ResidentId.of("440118", birth, seq).fullNumber();
    }

    private static String wrongCheck(String id) {
        return id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
    }

    @Test
    void badRowsAreReportedWithLineAndColumnAndGoodRowsStillArrive() {
        LocalDate b = LocalDate.of(1940, 5, 6);
        String csv = HEADER
                + "E1,张小华," + idFor(b, 2) + ",female,1940-05-06,minimum_living;disabled:2,440118,440118001,13800001234,active,\n"
                + "E2,李四," + wrongCheck(idFor(b, 1)) + ",male,1940-05-06,,440118,440118001,,active,\n"
                + "E3,王五," + idFor(b, 3) + ",male,1940-13-06,,440118,440118001,,active,\n"
                + "E4,赵六," + idFor(b, 5) + ",male,1940-05-06,,440118,440118001,,deceased,\n"
                + "E5,钱七,too,few\n"
                + "E6,孙八," + idFor(b, 7) + ",male,1940-05-06,Disabled,440118,440118001,,active,\n"
                + "E7,周九," + idFor(b, 9) + ",male,1940-05-06,,440118,440118001,,deceased,2026-01-02\n";
        List<ElderRecord> ok = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.ReadResult result = RegistryFormat.ELDERS.read(new StringReader(csv), "elders.csv", ok::add, bad::add);

        assertThat(result).isEqualTo(new RegistryFormat.ReadResult(2, 5));
        assertThat(ok).extracting(ElderRecord::elderId).containsExactly("E1", "E7");
        assertThat(bad).extracting(RowError::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(bad.get(0).column()).isEqualTo("resident_id");
        assertThat(bad.get(0).message()).contains("check character").doesNotContain("44011819400506");
        assertThat(bad.get(1).column()).isEqualTo("birth_date");
        assertThat(bad.get(2).column()).isEqualTo("status_since");
        assertThat(bad.get(3).message()).contains("has 4 fields");
        assertThat(bad.get(4).column()).isEqualTo("categories");
        assertThat(bad.get(0).toString()).startsWith("elders.csv:3 [resident_id]: ");
    }

    @Test
    void theTillsViewKeepsOnlyTheLastDigits() {
        LocalDate b = LocalDate.of(1940, 5, 6);
        List<ElderRecord> ok = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(HEADER + "E1,欧阳小华," + idFor(b, 2)
                + ",female,1940-05-06,,440118,440118001,13800001234,deceased,2026-03-01\n"), "x", ok::add, e -> { });
        Elder till = ok.get(0).toTillElder();
        assertThat(till.idLast4()).isEqualTo(idFor(b, 2).substring(14));
        assertThat(till.phoneLast4()).isEqualTo("1234");
        assertThat(till.maskedName()).isEqualTo("欧**华");
        assertThat(till.stateOn(LocalDate.of(2026, 2, 28))).isEqualTo(ElderState.ACTIVE);
        assertThat(till.stateOn(LocalDate.of(2026, 3, 1))).isEqualTo(ElderState.DECEASED);
    }

    @Test
    void aMissingColumnIsRefusedBeforeAnyRow() {
        assertThatThrownBy(() -> RegistryFormat.CARDS.read(new StringReader("card_uid,elder_id,status\n"), "cards.csv", c -> { }, e -> { }))
                .isInstanceOf(CsvFormatException.class).hasMessageContaining("since");
    }

    @Test
    void cardsAndMenuRoundTrip() {
        String cards = "card_uid,elder_id,status,since\n04a1b2c3d4e5f6,E1,lost,2026-03-01T09:00+08:00\nXYZ,E2,active,2026-03-01T09:00+08:00\n";
        List<org.yishi.core.elder.Card> ok = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.CARDS.read(new StringReader(cards), "cards.csv", ok::add, bad::add);
        assertThat(ok.get(0).uid()).isEqualTo("04A1B2C3D4E5F6");
        assertThat(bad).singleElement().satisfies(e -> assertThat(e.column()).isEqualTo("card_uid"));
        StringWriter out = new StringWriter();
        RegistryFormat.CARDS.writeAll(out, ok);
        List<org.yishi.core.elder.Card> back = new ArrayList<>();
        RegistryFormat.CARDS.read(new StringReader(out.toString()), "again", back::add, bad::add);
        assertThat(back).isEqualTo(ok);
    }

    @Test
    void aRefusedRowStillNamesItsCardOrElderSoTheTillCanStopServingIt() {
        String cards = "card_uid,elder_id,status,since\n"
                + "04a1b2c3,E1,lsot,2026-03-01T09:00+08:00\n"       // line 2: the registry meant "lost"
                + "04:A1:B2:C4,E1,lost,2026-03-01\n"                  // line 3: no time, UID typed with colons
                + "04A1B2C5,E1,lost\n"                                // line 4: a field short
                + "04-A1,E1,lost,2026-03-01T09:00+08:00\n"           // line 5: no UID a card can have
                + "04A1B2C6,E1,blocked,2026-03-01T09:00+08:00\n";    // line 6: a till's state, never exported
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.CARDS.read(new StringReader(cards), "cards.csv", c -> { }, bad::add);

        assertThat(bad).extracting(RowError::line).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(bad).extracting(RowError::key).containsExactly("04A1B2C3", "04A1B2C4", "04A1B2C5", "", "04A1B2C6");
        assertThat(bad.get(0).message()).isEqualTo("must be one of active|lost|revoked: \"lsot\"");
        assertThat(bad.get(4).message()).contains("active|lost|revoked");

        List<RowError> badElders = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(HEADER + " E9 ,王五,440118194001010000,male,1940-01-01,,440118,440118001,,deceased,2026-01-01\n"
                + "E 10,王六,440118194001010000,male,1940-01-01,,440118,440118001,,deceased,2026-01-01\n"), "elders.csv", e -> { }, badElders::add);
        assertThat(badElders).extracting(RowError::key).containsExactly("E9", "");
    }

    @Test
    void theManifestSaysFullOrDeltaAndAnExportWithoutOneIsFull(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(RegistryManifest.read(dir)).isEqualTo(new RegistryManifest(org.yishi.core.elder.RegistryMode.FULL, false));

        RegistryManifest.of(org.yishi.core.elder.RegistryMode.DELTA).write(dir);
        assertThat(java.nio.file.Files.readString(dir.resolve("manifest.csv"))).isEqualTo("mode\ndelta\n");
        assertThat(RegistryManifest.read(dir)).isEqualTo(RegistryManifest.of(org.yishi.core.elder.RegistryMode.DELTA));

        java.nio.file.Files.writeString(dir.resolve("manifest.csv"), "mode\nincremental\n");
        assertThatThrownBy(() -> RegistryManifest.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.csv:2 [mode]").hasMessageContaining("full|delta").hasMessageContaining("nothing");
        java.nio.file.Files.writeString(dir.resolve("manifest.csv"), "mode\nfull\ndelta\n");
        assertThatThrownBy(() -> RegistryManifest.read(dir)).hasMessageContaining("exactly one row");
        java.nio.file.Files.writeString(dir.resolve("manifest.csv"), "kind\nfull\n");
        assertThatThrownBy(() -> RegistryManifest.read(dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode");
    }
}
