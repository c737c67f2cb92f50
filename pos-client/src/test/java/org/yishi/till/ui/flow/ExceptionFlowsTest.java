package org.yishi.till.ui.flow;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.config.registry.ElderRecord;
import org.yishi.config.registry.RegistryFormat;
import org.yishi.core.elder.ElderState;
import org.yishi.core.journal.IdentificationMethod;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.voice.VoicePrompt;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR;
import static org.yishi.till.ui.flow.TillHarness.SUPERVISOR_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/**
 * The cases a cashier must handle calmly, through the real windows: void and refund with a supervisor's PIN (and
 * a second refund refused), a lost card, a deceased elder, the limit on a second lunch, a forgotten card, and
 * identity refusals that leave no sale behind.
 */
@ExtendWith(ApplicationExtension.class)
class ExceptionFlowsTest {

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    private void readyToSell(FxRobot robot) {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
    }

    private String sellToRegular(FxRobot robot) {
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#rate-skip");
        till.clock.advance(java.time.Duration.ofMinutes(2));
        return till.ui.sellScreen().lastSale().orElseThrow().receiptNo();
    }

    private List<SignedRecord> records(RecordType type) {
        return till.journal().stream().filter(r -> r.type() == type).toList();
    }

    private static String coreRefusal(String reason) {
        return ResourceBundle.getBundle("org.yishi.core.subsidy.refusals", Locale.SIMPLIFIED_CHINESE).getString("refusal." + reason);
    }

    private void openHistory(FxRobot robot, String receiptNo) {
        robot.clickOn("#nav-history");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> assertThat(till.ui.historyView().select(receiptNo)).isTrue());
    }

    /** The reason dialog comes with a sensible default; Enter accepts it. */
    private static void acceptReason(FxRobot robot) {
        robot.lookup("#reason-input").tryQuery().orElseThrow(() -> new AssertionError("no reason dialog"));
        robot.clickOn("#reason-input").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aVoidNeedsTheSupervisorsPinAndIsJournalled(FxRobot robot) throws Exception {
        readyToSell(robot);
        String receipt = sellToRegular(robot);
        openHistory(robot, receipt);
        robot.clickOn("#history-void");
        acceptReason(robot);
        // A cashier's own PIN is not a supervisor's approval; a wrong PIN says how many tries are left.
        TillHarness.approve(robot, SUPERVISOR, "0000");
        assertThat(text(robot, "#approval-message")).contains("密码错误");
        robot.lookup("#approval-staff").queryTextInputControl();
        robot.interact(() -> robot.lookup("#approval-staff").queryTextInputControl().clear());
        TillHarness.approve(robot, SUPERVISOR, SUPERVISOR_PIN);
        TillHarness.awaitHistory(till.ui.historyView());

        List<SignedRecord> voids = records(RecordType.VOID);
        assertThat(voids).hasSize(1);
        ReversalPayload reversal = (ReversalPayload) voids.get(0).typedPayload();
        assertThat(reversal.approvedBy()).isEqualTo(SUPERVISOR);
        assertThat(reversal.original().receiptNo()).isEqualTo(receipt);
        assertThat(text(robot, "#history-message")).contains(receipt).contains("已作废");
    }

    @Test
    void aReceiptIsRefundedOnceAndTheSecondRefundIsRefused(FxRobot robot) throws Exception {
        readyToSell(robot);
        String receipt = sellToRegular(robot);
        openHistory(robot, receipt);
        robot.clickOn("#history-refund");
        acceptReason(robot);
        TillHarness.approve(robot, SUPERVISOR, SUPERVISOR_PIN);
        TillHarness.awaitHistory(till.ui.historyView());
        assertThat(records(RecordType.REFUND)).hasSize(1);
        assertThat(text(robot, "#history-message")).contains("已退款");

        robot.interact(() -> till.ui.historyView().select(receipt));
        robot.clickOn("#history-refund");
        acceptReason(robot);
        TillHarness.approve(robot, SUPERVISOR, SUPERVISOR_PIN);
        TillHarness.awaitHistory(till.ui.historyView());
        assertThat(records(RecordType.REFUND)).as("never twice").hasSize(1);
        assertThat(text(robot, "#history-message")).contains(receipt).contains("不能重复");
    }

    @Test
    void aLostCardIsRefusedDiscreetlyWithNoSale(FxRobot robot) {
        readyToSell(robot);
        robot.clickOn("#sim-lost");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#refusal-title")).isEqualTo("此卡已挂失");
        assertThat(robot.lookup("#refusal-title").query().getParent().getStyleClass()).contains("refusal-discreet");
        assertThat(robot.lookup("#confirm").queryButton().isDisabled()).isTrue();
        assertThat(text(robot, "#cd-greeting")).isEqualTo("请到柜台咨询");
        assertThat(till.said).containsExactly(new VoicePrompt.CardLost());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(records(RecordType.SALE)).isEmpty();
    }

    @Test
    void aDeceasedEldersCardIsRefusedWithWhatToDo(FxRobot robot) {
        readyToSell(robot);
        robot.clickOn("#sim-deceased");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#refusal-title")).isEqualTo("登记信息显示该长者已故");
        assertThat(text(robot, "#refusal-message")).contains("值班主管");
        assertThat(robot.lookup("#refusal-title").query().getParent().getStyleClass()).contains("refusal");
        assertThat(text(robot, "#cd-greeting")).isEqualTo("请到柜台咨询");
        assertThat(till.said).containsExactly(new VoicePrompt.SeeCounter());
        assertThat(records(RecordType.SALE)).isEmpty();
    }

    @Test
    void aSecondLunchIsFullPriceWithTheLimitShown(FxRobot robot) {
        readyToSell(robot);
        sellToRegular(robot);
        robot.clickOn("#sim-second-lunch");
        WaitForAsyncUtils.waitForFxEvents();
        long price = till.ui.sellScreen().ready().orElseThrow().quote().priceFen();
        assertThat(text(robot, "#quote-subsidy")).isEqualTo(Money.yuan(0));
        assertThat(text(robot, "#quote-copay")).isEqualTo(Money.yuan(price));
        assertThat(text(robot, "#quote-warning")).isEqualTo(coreRefusal("limit_reached"));
        assertThat(till.said).endsWith(new VoicePrompt.LimitReached());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<SignedRecord> sales = records(RecordType.SALE);
        assertThat(sales).hasSize(2);
        assertThat(((SalePayload) sales.get(1).typedPayload()).amounts().subsidyFen()).isZero();
    }

    @Test
    void aForgottenCardIsFoundByNameAndDigitsWithTheSupervisorsApproval(FxRobot robot) throws IOException {
        ElderRecord elder = someActiveElder();
        readyToSell(robot);
        robot.clickOn("#nav-manual");
        robot.clickOn("#manual-name").write(elder.name());
        robot.clickOn("#manual-digits").write(elder.residentId().last4());
        robot.clickOn("#manual-search");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#manual-results").queryListView().getItems()).isNotEmpty();
        robot.clickOn("#manual-choose");
        TillHarness.approve(robot, SUPERVISOR, SUPERVISOR_PIN);
        var ready = till.ui.sellScreen().ready().orElseThrow();
        assertThat(ready.elder().orElseThrow().elderId()).isEqualTo(elder.elderId());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        SalePayload sale = (SalePayload) records(RecordType.SALE).get(0).typedPayload();
        assertThat(sale.identification()).isEqualTo(IdentificationMethod.MANUAL);
        assertThat(sale.approvedBy()).isEqualTo(SUPERVISOR);
        assertThat(sale.amounts().elderId()).isEqualTo(elder.elderId());
        assertThat(records(RecordType.STAFF)).as("the approval is journalled").isNotEmpty();
    }

    /** An active elder of the demo registry whose name and ID digits find only them. */
    private ElderRecord someActiveElder() throws IOException {
        List<ElderRecord> elders = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(till.dir.resolve("registry").resolve(RegistryFormat.ELDERS.fileName()),
                StandardCharsets.UTF_8)) {
            RegistryFormat.ELDERS.read(r, "elders.csv", elders::add, error -> { });
        }
        Optional<ElderRecord> found = elders.stream().filter(e -> e.status() == ElderState.ACTIVE)
                .filter(e -> e.birthDate().getYear() < 1955).findFirst();
        return found.orElseThrow();
    }
}
