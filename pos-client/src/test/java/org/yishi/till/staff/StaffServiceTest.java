package org.yishi.till.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yishi.till.staff.StaffFixture.FAST;
import static org.yishi.till.staff.StaffFixture.pin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yishi.config.registry.PinHasher;
import org.yishi.core.journal.JournalVerifier;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.core.journal.VerificationReport;
import org.yishi.core.time.ManualClock;
import org.yishi.till.store.TillStore;
import org.yishi.till.store.ledger.JournalMirror;

class StaffServiceTest {

    @TempDir
    Path root;
    final ManualClock clock = StaffFixture.clock();

    private static List<StaffPayload> staffRecords(TillStore store) {
        return new JournalMirror(store.database()).recordsOf(RecordType.STAFF).stream()
                .map(r -> (StaffPayload) r.typedPayload()).toList();
    }

    @Test
    void cashierLogsInAndOutAndItIsJournalledWithoutThePin() throws IOException {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            char[] typed = pin("1234");
            LoginResult r = staff.login("1001", typed);
            assertThat(r).isInstanceOf(LoginResult.Ok.class);
            assertThat(((LoginResult.Ok) r).staff().roles()).containsExactly(Role.CASHIER);
            assertThat(typed).containsOnly('\0');
            assertThat(staff.current()).map(Staff::name).contains("李梅");
            staff.logout();
            assertThat(staff.current()).isEmpty();
            assertThat(staffRecords(store)).extracting(StaffPayload::action)
                    .containsExactly(StaffAction.ROSTER_UPDATE, StaffAction.LOGIN_OK, StaffAction.LOGOUT);
            String journal = Files.readString(store.journal().file(), StandardCharsets.UTF_8);
            assertThat(journal).doesNotContain("1234").doesNotContain("$2a$").doesNotContain("$2b$");
        }
    }

    @Test
    void wrongPinsCountDownThenLockOutAndTheLockoutSurvivesARestart() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            for (int left = 4; left >= 1; left--) {
                assertThat(staff.login("1001", pin("0000"))).isEqualTo(new LoginResult.WrongPin(left));
            }
            LoginResult fifth = staff.login("1001", pin("0000"));
            assertThat(fifth).isEqualTo(new LoginResult.LockedOut(clock.instant().plus(Duration.ofMinutes(5))));
            assertThat(staffRecords(store)).extracting(StaffPayload::action).filteredOn(a -> a == StaffAction.LOCKED_OUT).hasSize(1);
        }
        clock.advance(Duration.ofMinutes(2));
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            assertThat(staff.login("1001", pin("1234"))).as("right PIN during the lockout, after a restart")
                    .isInstanceOf(LoginResult.LockedOut.class);
            assertThat(staff.current()).isEmpty();
            clock.advance(Duration.ofMinutes(3));
            assertThat(staff.login("1001", pin("1234"))).isInstanceOf(LoginResult.Ok.class);
            // the count starts again after a success
            staff.logout();
            assertThat(staff.login("1001", pin("0000"))).isEqualTo(new LoginResult.WrongPin(4));
        }
    }

    @Test
    void unknownStaffAndDriversAreRefusedAndTypedNumbersAreNotJournalled() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            assertThat(staff.login("987654", pin("1234"))).isInstanceOf(LoginResult.UnknownStaff.class);
            LoginResult driver = staff.login("3001", pin("3333"));
            assertThat(driver).isInstanceOf(LoginResult.NotAllowed.class);
            assertThat(((LoginResult.NotAllowed) driver).staff().has(Role.DRIVER)).isTrue();
            assertThat(staff.current()).isEmpty();
            assertThat(staff.login("4001", pin("4444"))).as("administrator may log in").isInstanceOf(LoginResult.Ok.class);
            assertThat(staffRecords(store)).extracting(StaffPayload::staffNo).doesNotContain("987654").contains("unknown");
            assertThat(staffRecords(store)).extracting(StaffPayload::action).contains(StaffAction.LOGIN_REFUSED);
        }
    }

    @Test
    void lockAndUnlockBySameStaffOrSupervisorOnly() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            staff.lock();
            assertThat(staff.locked()).isTrue();
            assertThatThrownBy(staff::requireActive).hasMessageContaining("locked");
            assertThat(staff.unlock(pin("1111"))).isEqualTo(new LoginResult.WrongPin(4));
            assertThat(staff.unlock(pin("1234"))).isInstanceOf(LoginResult.Ok.class);
            assertThat(staff.locked()).isFalse();

            staff.lock();
            assertThat(staff.unlock("4001", pin("4444"))).as("an administrator is not a supervisor").isInstanceOf(LoginResult.NotAllowed.class);
            assertThat(staff.locked()).isTrue();
            LoginResult bySupervisor = staff.unlock("2001", pin("9999"));
            assertThat(bySupervisor).isEqualTo(new LoginResult.Ok(staff.current().orElseThrow()));
            assertThat(staff.current()).map(Staff::staffNo).contains("1001");
            StaffPayload unlock = staffRecords(store).stream().filter(p -> p.action() == StaffAction.UNLOCK).reduce((a, b) -> b).orElseThrow();
            assertThat(unlock.staffNo()).isEqualTo("2001");
            assertThat(unlock.forStaff()).isEqualTo("1001");
            assertThatThrownBy(() -> staff.unlock(pin("1234"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("not locked");
        }
    }

    @Test
    void lockingYourselfOutWhileLockedLogsYouOut() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            staff.lock();
            for (int i = 0; i < 4; i++) {
                assertThat(staff.unlock(pin("0000"))).isInstanceOf(LoginResult.WrongPin.class);
            }
            assertThat(staff.unlock(pin("0000"))).isInstanceOf(LoginResult.LockedOut.class);
            assertThat(staff.current()).isEmpty();
            assertThat(staff.locked()).isFalse();
        }
    }

    @Test
    void approvalsNeedASupervisorWhoIsNotTheRequester() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            assertThatThrownBy(() -> staff.approve("2001", pin("9999"), ApprovalAction.VOID, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no staff member is logged in");
            staff.login("1001", pin("1234"));

            ApprovalResult byCashier = staff.approve("1001", pin("1234"), ApprovalAction.VOID, "sale seq 7");
            assertThat(byCashier).isInstanceOf(ApprovalResult.Refused.class);
            assertThat(((ApprovalResult.Refused) byCashier).why()).isInstanceOf(LoginResult.NotAllowed.class);

            ApprovalResult wrongPin = staff.approve("2001", pin("1111"), ApprovalAction.REFUND, null);
            assertThat(wrongPin).isEqualTo(new ApprovalResult.Refused(new LoginResult.WrongPin(4)));

            ApprovalResult ok = staff.approve("2001", pin("9999"), ApprovalAction.VOID, "sale seq 7");
            assertThat(ok).isInstanceOf(ApprovalResult.Approved.class);
            Approval approval = ((ApprovalResult.Approved) ok).approval();
            assertThat(approval.supervisor().staffNo()).isEqualTo("2001");
            assertThat(approval.action()).isEqualTo(ApprovalAction.VOID);
            assertThat(approval.at()).isEqualTo(clock.instant());
            assertThat(approval.expiresAt()).isEqualTo(clock.instant().plus(FAST.approvalValidFor()));
            assertThat(approval.forStaff()).isEqualTo("1001");

            List<StaffPayload> records = staffRecords(store);
            assertThat(records).filteredOn(p -> p.action() == StaffAction.APPROVAL_REFUSED).hasSize(2)
                    .allSatisfy(p -> assertThat(p.forStaff()).isEqualTo("1001"));
            StaffPayload approved = records.get(records.size() - 1);
            assertThat(approved).isEqualTo(new StaffPayload("2001", StaffAction.APPROVAL, "void", "1001", "sale seq 7"));

            // the supervisor at the till cannot approve their own action ...
            staff.login("2001", pin("9999"));
            ApprovalResult self = staff.approve("2001", pin("9999"), ApprovalAction.NO_SALE_DRAWER, null);
            assertThat(self).isInstanceOf(ApprovalResult.Refused.class);
            assertThat(((LoginResult.NotAllowed) ((ApprovalResult.Refused) self).why()).why()).contains("own");
        }
        // ... unless the till is configured for a one-person canteen
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, new StaffSettings(5, Duration.ofMinutes(5), Duration.ofMinutes(3), true, 4,
                    Duration.ofMinutes(2)));
            staff.login("2001", pin("9999"));
            ApprovalResult self = staff.approve("2001", pin("9999"), ApprovalAction.NO_SALE_DRAWER, null);
            assertThat(self).isInstanceOf(ApprovalResult.Approved.class);
            assertThat(staff.drawerOpened(((ApprovalResult.Approved) self).approval())).isInstanceOf(ApprovalUse.Granted.class);
            assertThat(staffRecords(store).get(staffRecords(store).size() - 1).action()).isEqualTo(StaffAction.DRAWER_OPEN);
            Approval forAVoid = approved(staff.approve("2001", pin("9999"), ApprovalAction.VOID, null));
            assertThat(staff.drawerOpened(forAVoid)).isEqualTo(new ApprovalUse.Refused(ApprovalUse.Reason.WRONG_ACTION, "approval is for void"));
            assertThat(staffRecords(store).get(staffRecords(store).size() - 1).action()).as("no drawer_open after a refusal")
                    .isEqualTo(StaffAction.APPROVAL_REFUSED);
        }
    }

    private static Approval approved(ApprovalResult r) {
        assertThat(r).isInstanceOf(ApprovalResult.Approved.class);
        return ((ApprovalResult.Approved) r).approval();
    }

    private static ApprovalUse.Reason refusedBecause(ApprovalUse use) {
        assertThat(use).isInstanceOf(ApprovalUse.Refused.class);
        return ((ApprovalUse.Refused) use).reason();
    }

    @Test
    void anApprovalIsGoodOnceAndASecondUseIsRefusedAndJournalled() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            Approval approval = approved(staff.approve("2001", pin("9999"), ApprovalAction.VOID, "sale seq 7"));

            assertThat(staff.use(approval, ApprovalAction.VOID)).isEqualTo(new ApprovalUse.Granted(approval.supervisor()));
            assertThat(refusedBecause(staff.use(approval, ApprovalAction.VOID))).isEqualTo(ApprovalUse.Reason.ALREADY_USED);

            StaffPayload last = staffRecords(store).get(staffRecords(store).size() - 1);
            assertThat(last).isEqualTo(new StaffPayload("2001", StaffAction.APPROVAL_REFUSED, "void", "1001", "use refused: already used"));
        }
    }

    @Test
    void anApprovalExpiresAfterTheConfiguredTimeByTheTillsClock() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            Approval inTime = approved(staff.approve("2001", pin("9999"), ApprovalAction.REFUND, null));
            Approval late = approved(staff.approve("2001", pin("9999"), ApprovalAction.REFUND, null));

            clock.advance(FAST.approvalValidFor().minusSeconds(1));
            assertThat(staff.use(inTime, ApprovalAction.REFUND)).isInstanceOf(ApprovalUse.Granted.class);
            clock.advance(Duration.ofSeconds(1));
            ApprovalUse expired = staff.use(late, ApprovalAction.REFUND);
            assertThat(refusedBecause(expired)).isEqualTo(ApprovalUse.Reason.EXPIRED);
            assertThat(((ApprovalUse.Refused) expired).detail()).startsWith("expired at 11:32:00");
        }
    }

    @Test
    void aClockThatWentBackDoesNotStretchAnApproval() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            Approval approval = approved(staff.approve("2001", pin("9999"), ApprovalAction.REFUND, null));
            clock.advance(Duration.ofHours(-1));
            assertThat(refusedBecause(staff.use(approval, ApprovalAction.REFUND))).isEqualTo(ApprovalUse.Reason.EXPIRED);
        }
    }

    @Test
    void anApprovalFromAnotherStaffServiceIsRefusedEvenForTheSameSupervisor() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService here = new StaffService(store, clock, FAST);
            StaffService elsewhere = new StaffService(store, clock, FAST);
            here.login("1001", pin("1234"));
            elsewhere.login("1001", pin("1234"));
            Approval foreign = approved(elsewhere.approve("2001", pin("9999"), ApprovalAction.VOID, null));

            assertThat(refusedBecause(here.use(foreign, ApprovalAction.VOID))).isEqualTo(ApprovalUse.Reason.NOT_ISSUED_HERE);
            assertThat(elsewhere.use(foreign, ApprovalAction.VOID)).as("still good where it was given").isInstanceOf(ApprovalUse.Granted.class);
        }
    }

    @Test
    void anApprovalIsForItsActionAndForTheCashierWhoAskedOnly() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            Approval forVoid = approved(staff.approve("2001", pin("9999"), ApprovalAction.VOID, null));

            assertThat(refusedBecause(staff.use(forVoid, ApprovalAction.REFUND))).isEqualTo(ApprovalUse.Reason.WRONG_ACTION);
            staff.lock();
            assertThat(refusedBecause(staff.use(forVoid, ApprovalAction.VOID))).as("locked").isEqualTo(ApprovalUse.Reason.OTHER_SESSION);
            staff.unlock(pin("1234"));
            staff.login("2001", pin("9999"));
            assertThat(refusedBecause(staff.use(forVoid, ApprovalAction.VOID))).as("another cashier").isEqualTo(ApprovalUse.Reason.OTHER_SESSION);
            staff.login("1001", pin("1234"));
            assertThat(staff.use(forVoid, ApprovalAction.VOID)).as("refusals did not use it up").isInstanceOf(ApprovalUse.Granted.class);
        }
    }

    @Test
    void wrongSupervisorPinsLockTheSupervisorOut() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("1001", pin("1234"));
            for (int i = 0; i < 5; i++) {
                staff.approve("2001", pin("0000"), ApprovalAction.REFUND, null);
            }
            ApprovalResult r = staff.approve("2001", pin("9999"), ApprovalAction.REFUND, null);
            assertThat(((ApprovalResult.Refused) r).why()).isInstanceOf(LoginResult.LockedOut.class);
        }
    }

    @Test
    void theJournalWithStaffRecordsVerifies() {
        try (TillStore store = StaffFixture.openWithStaff(root, clock)) {
            StaffService staff = new StaffService(store, clock, FAST);
            staff.login("9", pin("1234"));
            staff.login("1001", pin("1234"));
            staff.lock();
            staff.unlock(pin("1234"));
            staff.approve("2001", pin("9999"), ApprovalAction.MANUAL_IDENTIFICATION, "elder E1");
            staff.logout();
            VerificationReport report = JournalVerifier.builder().build().verify(store.journal().file());
            assertThat(report.firstProblem()).isEmpty();
            assertThat(report.countsByType().get(RecordType.STAFF)).isEqualTo(7L);
        }
    }

    @Test
    void staffCsvImportReportsBadRowsWithoutEchoingThemAndRefusesAnEmptyList() throws IOException {
        try (TillStore store = StaffFixture.open(root, clock)) {
            StaffRegistry registry = new StaffRegistry(store);
            String hash = new PinHasher(4).hash(pin("1234"));
            Path csv = root.resolve("staff.csv");
            Files.writeString(csv, "staff_no,name,roles,pin_hash\n"
                    + "1001,李梅,cashier," + hash + "\n"
                    + "1002,张三,cashier,5678\n"
                    + "1003,王五,cook," + hash + "\n"
                    + "1001,重复,cashier," + hash + "\n", StandardCharsets.UTF_8);
            StaffRegistry.ImportResult result = registry.importCsv(csv, "admin");
            assertThat(result.imported()).isEqualTo(1);
            assertThat(result.refused()).extracting(e -> e.line() + ":" + e.column())
                    .containsExactlyInAnyOrder("3:pin_hash", "4:roles", "5:staff_no");
            assertThat(result.refused().toString()).doesNotContain("5678");
            assertThat(registry.all()).extracting(Staff::staffNo).containsExactly("1001");

            Path bad = root.resolve("bad.csv");
            Files.writeString(bad, "staff_no,name,roles,pin_hash\n1002,张三,cashier,5678\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> registry.importCsv(bad, "admin")).hasMessageContaining("staff list is unchanged")
                    .hasMessageNotContaining("5678");
            assertThat(registry.all()).extracting(Staff::staffNo).containsExactly("1001");
        }
    }

    @Test
    void pinHasherRefusesNonDigitPinsWithoutEchoingThemAndMeasuresCost10() {
        PinHasher hasher = new PinHasher(PinHasher.DEFAULT_COST);
        assertThatThrownBy(() -> hasher.hash(pin("12a4"))).hasMessageNotContaining("12a4").hasMessageContaining("4 to 8 digits");
        String hash = hasher.hash(pin("1234"));
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(hasher.matches(pin("1234"), hash)).isTrue();
        assertThat(hasher.matches(pin("1235"), hash)).isFalse();
        assertThat(hasher.matches(pin("1234"), "not a hash")).isFalse();
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            hasher.matches(pin("1234"), hash);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("bcrypt cost %d check: median %.1f ms, max %.1f ms%n", hasher.cost(), nanos[2] / 1e6, nanos[4] / 1e6);
        assertThat(nanos[2]).as("a check must stay interactive").isLessThan(Duration.ofSeconds(1).toNanos());
    }
}
