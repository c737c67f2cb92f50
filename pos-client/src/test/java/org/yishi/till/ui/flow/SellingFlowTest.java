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
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.ShiftClosePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ElderView;
import org.yishi.till.ui.receipt.ScreenReceiptText;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.voice.VoicePrompt;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/**
 * The lunchtime flow through the real windows: log in → open shift → tap a demo card → quote with the right
 * copayment → Enter → receipt bytes and a SALE in the journal → customer display shows the amount → rating recorded
 * → close shift → the Z-report's totals equal the shift's sales.
 */
@ExtendWith(ApplicationExtension.class)
class SellingFlowTest {

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    /** The Zengcheng tiers for a ¥12-type meal, from the policy text, independent of the engine. */
    private static long expectedCopay(ElderView elder, long priceFen) {
        Set<String> hardship = Set.of("extreme_poverty", "minimum_living", "low_income", "military_welfare");
        boolean priority = elder.categories().stream().anyMatch(c -> hardship.contains(c.split(":")[0]));
        long copay;
        long cap;
        if (elder.age() >= 60 && priority) {
            copay = 100;
            cap = 1100;
        } else if (elder.age() >= 80) {
            copay = 300;
            cap = 900;
        } else if (elder.age() >= 60) {
            copay = 500;
            cap = 700;
        } else {
            return priceFen;
        }
        return Math.min(priceFen, Math.max(copay, priceFen - cap));
    }

    @Test
    void aLunchtimeFromLoginToZReport(FxRobot robot) throws Exception {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "200");
        assertThat(robot.lookup("#sell-screen").tryQuery()).isPresent();

        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        CheckoutStep.Ready ready = till.ui.sellScreen().ready().orElseThrow();
        ElderView elder = ready.elder().orElseThrow();
        long price = ready.quote().priceFen();
        long copay = expectedCopay(elder, price);
        assertThat(text(robot, "#elder-name")).isEqualTo(elder.maskedName()).contains("*");
        assertThat(text(robot, "#quote-price")).isEqualTo(Money.yuan(price));
        assertThat(text(robot, "#quote-copay")).isEqualTo(Money.yuan(copay));
        assertThat(text(robot, "#quote-subsidy")).isEqualTo(Money.yuan(price - copay));
        assertThat(till.ui.customerDisplay().amountShown()).isEqualTo("请付 " + Money.yuan(copay));
        assertThat(till.said).contains(new VoicePrompt.Quoted(price - copay, copay));

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        var sale = till.ui.sellScreen().lastSale().orElseThrow();
        assertThat(sale.copayFen()).isEqualTo(copay);
        List<String> receiptLines = new ScreenReceiptText().lines(sale.receipt().escPos());
        assertThat(String.join("\n", receiptLines)).contains(sale.receiptNo()).contains(elder.maskedName());
        SignedRecord saleRecord = till.journal().stream().filter(r -> r.type() == RecordType.SALE).findFirst().orElseThrow();
        assertThat(saleRecord.seq()).isEqualTo(sale.seq());
        SalePayload payload = (SalePayload) saleRecord.typedPayload();
        assertThat(payload.amounts().copayFen()).isEqualTo(copay);
        assertThat(payload.amounts().receiptNo()).isEqualTo(sale.receiptNo());
        assertThat(text(robot, "#sell-message")).contains(sale.receiptNo());
        // The demo till has no printer: the receipt is on screen.
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#receipt-preview").queryTextInputControl().getText().contains(sale.receiptNo()));

        robot.clickOn("#rate-3");
        WaitForAsyncUtils.waitForFxEvents();
        SatisfactionPayload rating = till.journal().stream().filter(r -> r.type() == RecordType.SATISFACTION)
                .map(r -> (SatisfactionPayload) r.typedPayload()).findFirst().orElseThrow();
        assertThat(rating.saleSeq()).isEqualTo(sale.seq());
        assertThat(rating.rating()).as("满意 is the top of the journal's 1-5 scale").isEqualTo(5);

        // A walk-in pays full price, by cash with change.
        robot.clickOn("#nav-walk-in");
        WaitForAsyncUtils.waitForFxEvents();
        long walkInPrice = till.ui.sellScreen().ready().orElseThrow().quote().priceFen();
        assertThat(text(robot, "#quote-subsidy")).isEqualTo(Money.yuan(0));
        assertThat(text(robot, "#quote-copay")).isEqualTo(Money.yuan(walkInPrice));
        robot.clickOn("#cash-tendered").write("50");
        assertThat(text(robot, "#cash-change")).contains(Money.yuan(5000 - walkInPrice));
        robot.clickOn("#confirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(till.ui.sellScreen().lastSale().orElseThrow().changeFen()).isEqualTo(5000 - walkInPrice);
        robot.clickOn("#rate-skip");

        // Close: float ¥200 + both copayments in cash, counted exactly → no variance, no approval needed.
        robot.clickOn("#nav-close-shift");
        WaitForAsyncUtils.waitForFxEvents();
        long cash = 20000 + copay + walkInPrice;
        countCash(robot, cash);
        assertThat(text(robot, "#close-variance")).isEqualTo(Money.yuan(0));
        assertThat(text(robot, "#close-expected")).isEqualTo(Money.yuan(cash));
        robot.clickOn("#shift-close");
        WaitForAsyncUtils.waitForFxEvents();

        var closed = till.ui.shiftCloseScreen().result().orElseThrow();
        var totals = closed.summary().shiftTotals();
        List<SalePayload> sales = till.journal().stream().filter(r -> r.type() == RecordType.SALE)
                .map(r -> (SalePayload) r.typedPayload()).toList();
        assertThat(totals.sales()).isEqualTo(sales.size()).isEqualTo(2);
        assertThat(totals.copayFen()).isEqualTo(sales.stream().mapToLong(s -> s.amounts().copayFen()).sum());
        assertThat(totals.subsidyFen()).isEqualTo(sales.stream().mapToLong(s -> s.amounts().subsidyFen()).sum());
        assertThat(totals.priceFen()).isEqualTo(sales.stream().mapToLong(s -> s.amounts().priceFen()).sum());
        ShiftClosePayload close = till.journal().stream().filter(r -> r.type() == RecordType.SHIFT_CLOSE)
                .map(r -> (ShiftClosePayload) r.typedPayload()).findFirst().orElseThrow();
        assertThat(close.shift()).isEqualTo(totals);
        assertThat(text(robot, "#zreport")).contains(Money.yuan(totals.copayFen()).substring(1));

        robot.clickOn("#close-done");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#login-screen").tryQuery()).isPresent();
    }

    /** Types a count that adds up to {@code fen}: ¥100 notes, then ¥1 coins, then 1 角. */
    static void countCash(FxRobot robot, long fen) {
        long hundreds = fen / 10000;
        long ones = fen % 10000 / 100;
        long jiao = fen % 100 / 10;
        setField(robot, "#count-10000", hundreds);
        setField(robot, "#count-100", ones);
        setField(robot, "#count-10", jiao);
    }

    private static void setField(FxRobot robot, String query, long value) {
        robot.interact(() -> robot.lookup(query).queryTextInputControl().setText(Long.toString(value)));
    }
}
