package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yishi.core.canteen.Canteen;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ResidentId;
import org.yishi.core.time.ServingWindow;

/** The optional columns of issue 11: elders.csv resident_district / resident_town, canteens.csv serving_hours. */
class ResidenceAndServingHoursFormatTest {

    private static final String OLD_HEADER =
            "elder_id,name,resident_id,gender,birth_date,categories,registered_district,registered_town,phone,status,status_since";
    private static final LocalDate BORN = LocalDate.of(1940, 5, 6);

    private static String id(int seq) {
        return ResidentId.of("440118", BORN, seq).fullNumber();
    }

    @Test
    void anOldElderFileWithoutTheColumnsStillImportsAndMeansRegisteredIsWhereHeLives() {
        List<ElderRecord> ok = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(OLD_HEADER + "\nE1,张小华," + id(2) + ",female,1940-05-06,,440118,440118001,,active,\n"),
                "elders.csv", ok::add, bad::add);
        assertThat(bad).isEmpty();
        Elder e = ok.get(0).toTillElder();
        assertThat(e.residentDistrict()).isEqualTo("440118");
        assertThat(e.residentTown()).isEqualTo("440118001");
        assertThat(e.livesAway()).isFalse();
    }

    @Test
    void residenceIsReadAndEveryBadRowNamesLineAndColumnWhileGoodRowsArrive() {
        String csv = OLD_HEADER + ",resident_district,resident_town\n"
                + "E1,张小华," + id(2) + ",female,1940-05-06,,440118,440118001,,active,,440304,440304001\n"
                + "E2,李四," + id(1) + ",male,1940-05-06,,440118,440118001,,active,,,\n"
                + "E3,王五," + id(3) + ",male,1940-05-06,,440118,440118001,,active,,4403,440304001\n"
                + "E4,赵六," + id(5) + ",male,1940-05-06,,440118,440118001,,active,,440304,\n"
                + "E5,钱七," + id(7) + ",male,1940-05-06,,440118,440118001,,active,,,440304001\n"
                + "E6,孙八," + id(9) + ",male,1940-05-06,,440118,440118001,,active,,440304,440303001\n";
        List<ElderRecord> ok = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(csv), "elders.csv", ok::add, bad::add);

        assertThat(ok).extracting(ElderRecord::elderId).containsExactly("E1", "E2");
        assertThat(ok.get(0).toTillElder().residentTown()).isEqualTo("440304001");
        assertThat(ok.get(0).toTillElder().livesAway()).isTrue();
        assertThat(ok.get(1).toTillElder().livesAway()).isFalse();
        assertThat(bad).extracting(RowError::toString).containsExactly(
                "elders.csv:4 [resident_district]: must be a 6-digit district code or empty: \"4403\"",
                "elders.csv:5 [resident_town]: is empty but resident_district is given: give both, or neither when the elder lives where he is registered",
                "elders.csv:6 [resident_district]: is empty but resident_town is given: give both, or neither when the elder lives where he is registered",
                "elders.csv:7 [resident_town]: town 440303001 is not in resident_district 440304 (a town code starts with its district's code)");
        assertThat(bad).extracting(RowError::key).containsExactly("E3", "E4", "E5", "E6");
    }

    @Test
    void eldersAreWrittenWithTheNewColumnsAndReadBack() {
        List<ElderRecord> ok = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(OLD_HEADER + ",resident_district,resident_town\n"
                + "E1,张小华," + id(2) + ",female,1940-05-06,,440118,440118001,,active,,440304,440304001\n"), "elders.csv", ok::add, e -> { });
        StringWriter out = new StringWriter();
        RegistryFormat.ELDERS.writeAll(out, ok);
        assertThat(out.toString()).startsWith(OLD_HEADER + ",resident_district,resident_town").contains(",440304,440304001");
        List<ElderRecord> again = new ArrayList<>();
        RegistryFormat.ELDERS.read(new StringReader(out.toString()), "elders.csv", again::add, e -> { });
        assertThat(again).isEqualTo(ok);
    }

    @Test
    void servingHoursAreReadWrittenAndCheckedPerRow() {
        String csv = "canteen_id,name,district,town,phone,serving_hours\n"
                + "C01,一号,440118,440118001,,breakfast=07:00-09:00;lunch=10:30-13:30;dinner=16:30-19:00\n"
                + "C02,二号,440118,440118001,,\n"
                + "C03,三号,440118,440118001,,lunch=10:30-13:30;dinner=13:00-19:00\n"
                + "C04,四号,440118,440118001,,lunch=11:00\n"
                + "C05,五号,440118,440118001,,lunch=13:30-10:30\n"
                + "C06,六号,440118,440118001,,lunch=10:30-25:00\n"
                + "C07,七号,440118,440118001,,lunch=10:30-13:30;lunch=17:00-19:00\n";
        List<Canteen> ok = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.CANTEENS.read(new StringReader(csv), "canteens.csv", ok::add, bad::add);
        assertThat(ok).extracting(Canteen::id).containsExactly("C01", "C02");
        assertThat(ok.get(0).servingHours()).containsEntry("lunch", new ServingWindow(LocalTime.of(10, 30), LocalTime.of(13, 30))).hasSize(3);
        assertThat(ok.get(1).servingHours()).isEmpty();
        assertThat(bad).extracting(RowError::toString).containsExactly(
                "canteens.csv:4 [serving_hours]: dinner 13:00-19:00 overlaps lunch 10:30-13:30",
                "canteens.csv:5 [serving_hours]: \"lunch=11:00\" is not slot=HH:MM-HH:MM (e.g. lunch=10:30-13:30; separate slots with ;)",
                "canteens.csv:6 [serving_hours]: \"lunch=13:30-10:30\": the window must start before it ends, within one day",
                "canteens.csv:7 [serving_hours]: \"lunch=10:30-25:00\": not a time of day (00:00 to 23:59)",
                "canteens.csv:8 [serving_hours]: slot lunch is given twice");

        StringWriter out = new StringWriter();
        RegistryFormat.CANTEENS.writeAll(out, ok);
        assertThat(out.toString()).contains("breakfast=07:00-09:00;lunch=10:30-13:30;dinner=16:30-19:00");
        List<Canteen> again = new ArrayList<>();
        RegistryFormat.CANTEENS.read(new StringReader(out.toString()), "canteens.csv", again::add, e -> { });
        assertThat(again).isEqualTo(ok);
    }

    @Test
    void anOldCanteenFileWithoutServingHoursStillImports() {
        List<Canteen> ok = new ArrayList<>();
        RegistryFormat.CANTEENS.read(new StringReader("canteen_id,name,district,town,phone\nC01,一号,440118,440118001,\n"),
                "canteens.csv", ok::add, e -> { throw new AssertionError(e.toString()); });
        assertThat(ok).singleElement().extracting(Canteen::servingHours).isEqualTo(Map.of());
    }
}
