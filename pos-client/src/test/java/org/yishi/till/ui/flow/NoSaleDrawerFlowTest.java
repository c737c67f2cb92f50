package org.yishi.till.ui.flow;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.receipts.escpos.DrawerKick;
import org.yishi.receipts.print.ScreenOutput;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/**
 * Opening the cash drawer without a sale: only with a supervisor's approval, journalled as a STAFF drawer_open
 * record, then the drawer pulse sent through the print queue to the printer (here the on-screen printer).
 */
@ExtendWith(ApplicationExtension.class)
class NoSaleDrawerFlowTest {

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    private List<StaffPayload> drawerOpenings() {
        return till.journal().stream().filter(r -> r.type() == RecordType.STAFF)
                .map(r -> (StaffPayload) r.typedPayload()).filter(p -> p.action() == StaffAction.DRAWER_OPEN).toList();
    }

    private ScreenOutput screen() {
        return till.till.screenPrinter().orElseThrow();
    }

    private byte[] kick() {
        return new DrawerKick(till.till.receipts().renderer().profile()).bytes();
    }

    private boolean kicked() {
        return screen().recent().stream().anyMatch(bytes -> Arrays.equals(bytes, kick()));
    }

    @Test
    void anApprovedOpeningIsJournalledAndTheKickReachesThePrinter(FxRobot robot) throws Exception {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        robot.clickOn("#nav-drawer");
        TillHarness.approve(robot, SUPERVISOR, SUPERVISOR_PIN);

        List<StaffPayload> openings = drawerOpenings();
        assertThat(openings).hasSize(1);
        assertThat(openings.get(0).staffNo()).isEqualTo(CASHIER);
        assertThat(openings.get(0).detail()).contains(SUPERVISOR);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::kicked);
        assertThat(kick()).as("ESC p").containsSequence((byte) 0x1B, (byte) 'p');
        assertThat(text(robot, "#sell-message")).contains("已开钱箱");
        // The opening is journalled before the kick is queued: the drawer never opens unrecorded.
        assertThat(till.journal().stream().filter(r -> r.type() == RecordType.STAFF).map(r -> (StaffPayload) r.typedPayload())
                .map(StaffPayload::action).toList()).containsSubsequence(StaffAction.APPROVAL, StaffAction.DRAWER_OPEN);
    }

    @Test
    void aRefusedOrCancelledApprovalOpensNothing(FxRobot robot) throws Exception {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        robot.clickOn("#nav-drawer");
        // A cashier cannot approve it, and a wrong supervisor PIN is refused.
        TillHarness.approve(robot, CASHIER, CASHIER_PIN);
        assertThat(text(robot, "#approval-message")).isNotBlank();
        robot.interact(() -> robot.lookup("#approval-staff").queryTextInputControl().clear());
        TillHarness.approve(robot, SUPERVISOR, "0000");
        assertThat(text(robot, "#approval-message")).contains("密码错误");
        robot.clickOn("#approval-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // the print queue's thread would have delivered a kick by now

        assertThat(drawerOpenings()).isEmpty();
        assertThat(kicked()).isFalse();
        assertThat(till.till.printer().jobs()).isEmpty();
        assertThat(till.journal().stream().filter(r -> r.type() == RecordType.STAFF).map(r -> (StaffPayload) r.typedPayload())
                .map(StaffPayload::action).toList()).contains(StaffAction.APPROVAL_REFUSED).doesNotContain(StaffAction.APPROVAL);
    }
}
