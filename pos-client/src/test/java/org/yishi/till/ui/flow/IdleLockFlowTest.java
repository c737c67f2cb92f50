package org.yishi.till.ui.flow;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.StaffAction;
import org.yishi.core.journal.StaffPayload;
import org.yishi.till.checkout.CheckoutStep;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/**
 * The idle lock through the real window: the till's clock is a manual one, so "three minutes without input" is a
 * clock step, and the UI's own 5-second housekeeping tick (not a test hook) notices it.
 */
@ExtendWith(ApplicationExtension.class)
class IdleLockFlowTest {

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    private boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::getScene).isPresent();
    }

    private void waitUntilLocked(FxRobot robot) throws TimeoutException {
        // The housekeeping tick runs every 5 s of real time.
        WaitForAsyncUtils.waitFor(12, TimeUnit.SECONDS, () -> showing(robot, "#lock-screen"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private CheckoutStep.Ready elderAtTheCounter(FxRobot robot) {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        return till.ui.sellScreen().ready().orElseThrow();
    }

    private List<StaffPayload> staffRecords(StaffAction action) {
        return till.journal().stream().filter(r -> r.type() == RecordType.STAFF)
                .map(r -> (StaffPayload) r.typedPayload()).filter(p -> p.action() == action).toList();
    }

    @Test
    void idleTimeLocksAndTheSameCashiersPinGivesBackTheBillAsItWas(FxRobot robot) throws Exception {
        CheckoutStep.Ready ready = elderAtTheCounter(robot);
        String copay = text(robot, "#quote-copay");
        String elder = text(robot, "#elder-name");
        Duration idle = till.till.staff().idleLockAfter();

        till.clock.advance(idle.minusSeconds(1));
        Thread.sleep(6_000); // more than one housekeeping tick
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(showing(robot, "#lock-screen")).as("a second short of the idle time").isFalse();
        assertThat(till.till.staff().locked()).isFalse();

        till.clock.advance(Duration.ofSeconds(1));
        waitUntilLocked(robot);
        assertThat(till.till.staff().locked()).isTrue();
        assertThat(showing(robot, "#sell-screen")).as("the bill is hidden while locked").isFalse();
        String cashierName = till.till.staff().current().orElseThrow().name();
        assertThat(text(robot, "#lock-title")).contains(cashierName);

        robot.clickOn("#lock-pin").write("0000").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#lock-message")).contains("密码错误");
        assertThat(till.till.staff().locked()).isTrue();

        robot.clickOn("#lock-pin").write(CASHIER_PIN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(till.till.staff().locked()).isFalse();
        assertThat(showing(robot, "#sell-screen")).isTrue();
        assertThat(till.ui.sellScreen().ready()).contains(ready);
        assertThat(text(robot, "#quote-copay")).isEqualTo(copay);
        assertThat(text(robot, "#elder-name")).isEqualTo(elder);
        assertThat(staffRecords(StaffAction.UNLOCK)).extracting(StaffPayload::staffNo).containsExactly(CASHIER);

        // The bill kept under the lock is the one sold.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<SalePayload> sales = till.journal().stream().filter(r -> r.type() == RecordType.SALE)
                .map(r -> (SalePayload) r.typedPayload()).toList();
        assertThat(sales).hasSize(1);
        assertThat(sales.get(0).amounts().copayFen()).isEqualTo(ready.quote().copayFen());
    }

    @Test
    void aSupervisorUnlocksTheCashiersSession(FxRobot robot) throws Exception {
        CheckoutStep.Ready ready = elderAtTheCounter(robot);
        till.clock.advance(till.till.staff().idleLockAfter());
        waitUntilLocked(robot);

        robot.clickOn("#lock-staff").write(SUPERVISOR);
        robot.clickOn("#lock-pin").write(SUPERVISOR_PIN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(till.till.staff().locked()).isFalse();
        assertThat(till.till.staff().current().orElseThrow().staffNo()).as("still the cashier's session").isEqualTo(CASHIER);
        assertThat(till.ui.sellScreen().ready()).contains(ready);
        List<StaffPayload> unlocks = staffRecords(StaffAction.UNLOCK);
        assertThat(unlocks).hasSize(1);
        assertThat(unlocks.get(0).staffNo()).isEqualTo(SUPERVISOR);
        assertThat(unlocks.get(0).forStaff()).isEqualTo(CASHIER);
    }
}
