package org.yishi.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.core.time.ManualClock;

class StaffPayloadTest {

    private static Map<String, Object> parsed(JournalPayload p) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) StrictJsonParser.parse(CanonicalJson.write(p.toPayload()));
        return m;
    }

    @Test
    void isWrittenAsDocumented() {
        StaffPayload p = new StaffPayload("2001", StaffAction.APPROVAL, "void", "1001", "sale seq 4");
        assertThat(CanonicalJson.write(p.toPayload())).isEqualTo(
                "{\"action\":\"approval\",\"approvedAction\":\"void\",\"detail\":\"sale seq 4\",\"forStaff\":\"1001\",\"staffNo\":\"2001\"}");
        assertThat(CanonicalJson.write(StaffPayload.of("1001", StaffAction.LOGIN_OK).toPayload())).isEqualTo(
                "{\"action\":\"login_ok\",\"approvedAction\":null,\"detail\":null,\"forStaff\":null,\"staffNo\":\"1001\"}");
    }

    @Test
    void everyActionRoundTrips() {
        for (StaffAction a : StaffAction.values()) {
            StaffPayload p = new StaffPayload("1001", a, a.namesApprovedAction() ? "refund" : null, null, "x");
            assertThat(JournalPayload.of(RecordType.STAFF, parsed(p))).as(a.code()).isEqualTo(p);
        }
    }

    @Test
    void readingIsStrict() {
        Map<String, Object> m = new HashMap<>(parsed(StaffPayload.of("1001", StaffAction.LOGIN_FAILED)));
        m.put("pin", "1234");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.STAFF, m))
                .isInstanceOf(InvalidPayloadException.class).hasMessageContaining("STAFF.pin: unknown field");

        Map<String, Object> missing = new HashMap<>(parsed(StaffPayload.of("1001", StaffAction.LOGIN_FAILED)));
        missing.remove("forStaff");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.STAFF, missing)).hasMessageContaining("STAFF.forStaff: field is missing");

        Map<String, Object> badAction = new HashMap<>(parsed(StaffPayload.of("1001", StaffAction.LOGIN_FAILED)));
        badAction.put("action", "LOGIN_OK");
        assertThatThrownBy(() -> JournalPayload.of(RecordType.STAFF, badAction)).hasMessageContaining("STAFF.action")
                .hasMessageContaining("LOGIN_OK");
    }

    @Test
    void approvedActionOnlyForApprovals() {
        assertThatThrownBy(() -> new StaffPayload("2001", StaffAction.APPROVAL, null, "1001", null))
                .hasMessageContaining("approvedAction must be a lower-case code for action approval");
        assertThatThrownBy(() -> new StaffPayload("2001", StaffAction.APPROVAL_REFUSED, "Void!", null, null))
                .hasMessageContaining("approvedAction");
        assertThatThrownBy(() -> new StaffPayload("1001", StaffAction.LOGOUT, "void", null, null))
                .hasMessageContaining("approvedAction must be null for action logout");
        assertThatThrownBy(() -> new StaffPayload(" ", StaffAction.LOGOUT, null, null, null)).hasMessageContaining("staffNo");
        assertThatThrownBy(() -> new StaffPayload("1", StaffAction.LOGOUT, null, null, "x".repeat(201)))
                .hasMessageContaining("detail must be at most 200");
    }

    @Test
    void theWriterAcceptsStaffRecordsInAndOutOfShiftsAndTheVerifierToo(@TempDir Path dir) {
        ManualClock clock = new ManualClock(Instant.parse("2025-03-03T03:00:00Z"), ZoneId.of("Asia/Shanghai"));
        TillKeys keys = TillKeys.generate();
        Path file = dir.resolve("journal.log");
        Totals before;
        try (JournalWriter w = JournalWriter.open(file, keys, "T01", clock)) {
            w.append(StaffPayload.of("1001", StaffAction.LOGIN_OK));
            w.append(new ShiftOpenPayload(1, "1001", 20000));
            before = w.grandTotals();
            w.append(new StaffPayload("2001", StaffAction.APPROVAL, "no_sale_drawer", "1001", null));
            w.append(new StaffPayload("1001", StaffAction.DRAWER_OPEN, null, null, "approved by 2001"));
            w.append(w.prepareShiftClose("2001", 20000L));
            w.append(StaffPayload.of("1001", StaffAction.LOGOUT));
            assertThat(w.grandTotals()).isEqualTo(before);
        }
        VerificationReport report = JournalVerifier.builder().trustKey(keys.publicKey()).build().verify(file);
        assertThat(report.firstProblem()).isEmpty();
        assertThat(report.countsByType()).containsEntry(RecordType.STAFF, 4L);
    }
}
