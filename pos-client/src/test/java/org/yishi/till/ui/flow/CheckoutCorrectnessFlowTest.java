package org.yishi.till.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.store.TillDatabase;
import org.yishi.till.ui.shell.Money;

/**
 * Issue 9 items 1–3 through the real screens: a tap outside meal hours, a second tap while a bill is open, and a sale
 * whose indexing fails after the journal has it.
 */
@ExtendWith(ApplicationExtension.class)
class CheckoutCorrectnessFlowTest {

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    private void loggedInWithShift(FxRobot robot) {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "200");
    }

    private List<SalePayload> sales() {
        return till.journal().stream().filter(r -> r.type() == RecordType.SALE).map(r -> (SalePayload) r.typedPayload()).toList();
    }

    @Test
    void atTwoInTheAfternoonATapGivesAFullPriceBillThatSaysWhyAndSells(FxRobot robot) {
        loggedInWithShift(robot);
        till.clock.set(ZonedDateTime.of(LocalDate.now(DemoTill.ZONE), LocalTime.of(14, 0), DemoTill.ZONE).toInstant());

        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();

        CheckoutStep.Ready bill = till.ui.sellScreen().ready().orElseThrow();
        assertThat(bill.mealSlot()).isEmpty();
        assertThat(text(robot, "#quote-subsidy")).isEqualTo(Money.yuan(0));
        assertThat(text(robot, "#quote-copay")).isEqualTo(Money.yuan(bill.quote().priceFen()));
        assertThat(text(robot, "#quote-warning")).contains("不是补贴用餐时段");
        assertThat(till.ui.customerDisplay().amountShown()).isEqualTo("请付 " + Money.yuan(bill.quote().priceFen()));

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#sell-message")).startsWith("已记录");
        assertThat(sales()).singleElement().satisfies(s -> {
            assertThat(s.subsidyFen()).isZero();
            assertThat(s.refusal()).isEqualTo("outside_meal_window");
        });
    }

    @Test
    void aSecondTapWaitsVisiblyAndTheCustomerDisplayKeepsTheFirstEldersAmount(FxRobot robot) {
        loggedInWithShift(robot);
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        CheckoutStep.Ready first = till.ui.sellScreen().ready().orElseThrow();
        String firstName = text(robot, "#elder-name");
        String firstAmount = till.ui.customerDisplay().amountShown();

        robot.clickOn("#sim-home-district");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(till.ui.sellScreen().ready()).contains(first);
        assertThat(text(robot, "#elder-name")).isEqualTo(firstName);
        assertThat(till.ui.customerDisplay().amountShown()).isEqualTo(firstAmount);
        String last4 = till.customer("home_district").cardUid().substring(till.customer("home_district").cardUid().length() - 4);
        assertThat(text(robot, "#sell-next")).startsWith("下一位").contains(last4);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sales()).singleElement().extracting(SalePayload::elderId).isEqualTo(first.elder().orElseThrow().elderId());
        CheckoutStep.Ready second = till.ui.sellScreen().ready().orElseThrow();
        assertThat(second.cardUid()).isEqualTo(till.customer("home_district").cardUid());
        assertThat(till.ui.customerDisplay().amountShown()).isEqualTo("请付 " + Money.yuan(second.quote().copayFen()));
        assertThat(text(robot, "#sell-next")).isEmpty();
        assertThat(text(robot, "#sell-message")).startsWith("已记录");
    }

    @Test
    void aSaleTheDatabaseFailsToIndexShowsRecordedAndEnterAgainSellsNothingMore(FxRobot robot) throws Exception {
        loggedInWithShift(robot);
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        String url = TillDatabase.url(till.dir.resolve("till").resolve("db"));
        try (Connection c = DriverManager.getConnection(url, "till", ""); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE sale ADD CONSTRAINT refuse_all CHECK (seq < 0)");
        }

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#sell-message")).startsWith("已记录");
        assertThat(till.ui.sellScreen().ready()).as("the recorded bill is done").isEmpty();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(sales()).hasSize(1);
    }

    @Test
    void aClockSetBackStopsSubsidyUntilTheSupervisorConfirmsTheTimeOnScreen(FxRobot robot) throws Exception {
        loggedInWithShift(robot);
        till.clock.advance(java.time.Duration.ofMinutes(-30));

        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#quote-subsidy")).isEqualTo(Money.yuan(0));
        assertThat(text(robot, "#quote-warning")).contains("时钟");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#nav-confirm-clock").query().isVisible());

        robot.clickOn("#nav-confirm-clock");
        TillHarness.approve(robot, TillHarness.SUPERVISOR, TillHarness.SUPERVISOR_PIN);

        assertThat(till.journal().stream().filter(r -> r.type() == RecordType.STAFF)
                .map(r -> ((org.yishi.core.journal.StaffPayload) r.typedPayload()).action()))
                .contains(org.yishi.core.journal.StaffAction.CLOCK_CONFIRMED);
        assertThat(text(robot, "#sell-message")).contains("已确认收银机时间");
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(till.ui.sellScreen().ready().orElseThrow().quote().subsidyFen()).isPositive();
    }
}
