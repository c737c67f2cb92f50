package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yishi.core.elder.CategoryTag;
import org.yishi.core.elder.Elder;
import org.yishi.core.elder.ElderState;
import org.yishi.core.elder.ResidentId;

/** till-elders.csv: the elders a server download sends, without full resident IDs or phone numbers. */
class TillEldersFormatTest {

    private static final LocalDate BIRTH = LocalDate.of(1938, 2, 28);

    private static ElderRecord registryRow(String id, ElderState status, LocalDate since, String residentDistrict, String residentTown) {
        return new ElderRecord(id, "欧阳小华, \"阿华\"", ResidentId.of("440118", BIRTH, 7), ElderRecord.Gender.MALE, BIRTH,
                List.of(CategoryTag.parse("minimum_living"), CategoryTag.parse("disabled:2")), "440118", "440118001", "13800001234",
                status, since, residentDistrict, residentTown);
    }

    @Test
    void whatTheTillKeepsSurvivesTheRoundTripAndNoFullNumberIsWritten() {
        ElderRecord active = registryRow("E1", ElderState.ACTIVE, null, "", "");
        ElderRecord movedAndDead = registryRow("E2", ElderState.DECEASED, LocalDate.of(2026, 11, 30), "440103", "440103002");
        StringWriter out = new StringWriter();
        RegistryFormat.TILL_ELDERS.writeAll(out, List.of(active.toTillElder(), movedAndDead.toTillElder()));

        String csv = out.toString();
        assertThat(csv).doesNotContain(active.residentId().fullNumber()).doesNotContain("13800001234")
                .doesNotContain("male").contains(active.residentId().last4()).contains("1234");
        List<Elder> read = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.TILL_ELDERS.read(new StringReader(csv), "till-elders.csv", read::add, bad::add);
        assertThat(bad).isEmpty();
        assertThat(read).containsExactly(active.toTillElder(), movedAndDead.toTillElder());
        assertThat(read.get(1).stateOn(LocalDate.of(2026, 11, 29))).isEqualTo(ElderState.ACTIVE);
        assertThat(read.get(1).stateOn(LocalDate.of(2026, 11, 30))).isEqualTo(ElderState.DECEASED);
        assertThat(read.get(1).livesAway()).isTrue();
    }

    @Test
    void aFullNumberInTheLast4ColumnIsRefusedNotStored() {
        String header = String.join(",", RegistryFormat.TILL_ELDERS.columns()) + "\n";
        String full = ResidentId.of("440118", BIRTH, 7).fullNumber();
        String csv = header
                + "E1,张三,1938-02-28,,440118,440118001,440118,440118001," + full + ",,active,\n"
                + "E2,李四,1938-02-28,,440118,440118001,440118,440118001,123X,5678,deceased,\n"
                + "E3,王五,1938-02-28,,440118,440118001,440118,440118001,123X,5678,active,\n";
        List<Elder> read = new ArrayList<>();
        List<RowError> bad = new ArrayList<>();
        RegistryFormat.TILL_ELDERS.read(new StringReader(csv), "till-elders.csv", read::add, bad::add);

        assertThat(read).extracting(Elder::id).containsExactly("E3");
        assertThat(bad).extracting(RowError::column).containsExactly("resident_id_last4", "status_since");
        assertThat(bad.get(0).line()).isEqualTo(2);
        assertThat(bad.get(0).key()).isEqualTo("E1");
        assertThat(bad.get(0).message()).contains("18 characters").doesNotContain(full);
    }
}
