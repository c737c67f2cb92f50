package org.yishi.config.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** staff.csv and its optional canteen_id column (docs/registry-csv.md "staff.csv"). */
class StaffFormatTest {

    private static final String HASH = new PinHasher(4).hash("1234".toCharArray());

    private static List<StaffRecord> read(String csv, List<RowError> refused) {
        List<StaffRecord> rows = new ArrayList<>();
        RegistryFormat.STAFF.read(new StringReader(csv), "staff.csv", rows::add, refused::add);
        return rows;
    }

    @Test
    void aFileWithoutCanteenIdStillImportsAndEveryRowIsForEveryCanteen() {
        List<RowError> refused = new ArrayList<>();

        List<StaffRecord> rows = read("staff_no,name,roles,pin_hash\n1001,李梅,cashier," + HASH + "\n", refused);

        assertThat(refused).isEmpty();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.canteenId()).isEmpty();
            assertThat(r.everyCanteen()).isTrue();
            assertThat(r.worksAt("C01")).isTrue();
        });
    }

    @Test
    void aCanteenIdLimitsTheRowToThatCanteenAndABadOneIsRefusedByLineAndColumn() {
        List<RowError> refused = new ArrayList<>();

        List<StaffRecord> rows = read("staff_no,name,roles,pin_hash,canteen_id\n"
                + "1001,李梅,cashier," + HASH + ",\n"
                + "2001,王建国,supervisor;cashier," + HASH + ",C03\n"
                + "3001,陈师傅,driver," + HASH + ",C 03\n", refused);

        assertThat(rows).extracting(StaffRecord::staffNo).containsExactly("1001", "2001");
        StaffRecord supervisor = rows.get(1);
        assertThat(supervisor.worksAt("C03")).isTrue();
        assertThat(supervisor.worksAt("C01")).isFalse();
        assertThat(supervisor.everyCanteen()).isFalse();
        assertThat(refused).singleElement().satisfies(e -> assertThat(e.toString()).contains("staff.csv:4", "canteen_id"));
    }

    @Test
    void theWriterWritesTheColumnAndTheRowReadsBack() {
        StringWriter out = new StringWriter();
        StaffRecord everywhere = new StaffRecord("1001", "李梅", List.of("cashier"), HASH);
        StaffRecord one = new StaffRecord("2001", "王建国", List.of("supervisor", "cashier"), HASH, "C03");

        RegistryFormat.STAFF.writeAll(out, List.of(everywhere, one));

        assertThat(out.toString()).startsWith("staff_no,name,roles,pin_hash,canteen_id\n")
                .contains("1001,李梅,cashier," + HASH + ",\n");
        List<RowError> refused = new ArrayList<>();
        assertThat(read(out.toString(), refused)).containsExactly(everywhere, one);
        assertThat(refused).isEmpty();
    }

    @Test
    void aRecordRefusesAMalformedCanteenId() {
        assertThatThrownBy(() -> new StaffRecord("1001", "李梅", List.of("cashier"), HASH, "C 01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canteen id");
    }
}
