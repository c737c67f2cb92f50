package org.yishi.till.ui.flow;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.cardreader.qr.QrRefusal;
import org.yishi.till.checkout.CheckoutMessages;
import org.yishi.till.checkout.CheckoutStep;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/**
 * A language switch while a refusal is on screen: the till starts in Chinese (its counter words refusals in
 * Chinese), the cashier switches to English, and the refusal, the demo card panel and the customer display follow.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchFlowTest {

    private static final CheckoutMessages ZH = CheckoutMessages.forLanguage("zh");
    private static final CheckoutMessages EN = CheckoutMessages.forLanguage("en");

    private TillHarness till;

    @Start
    void start(Stage stage) {
        till = TillHarness.start(stage, "screen:");
    }

    @AfterEach
    void stop() {
        till.close();
    }

    private static String ui(String key, Locale locale) {
        return ResourceBundle.getBundle("org.yishi.till.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)).getString(key);
    }

    @Test
    void aLostCardsRefusalReadsInEnglishAfterTheSwitch(FxRobot robot) {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        String lostButton = text(robot, "#sim-lost");
        assertThat(lostButton).startsWith(ui("sim.lost", Locale.SIMPLIFIED_CHINESE));
        robot.clickOn("#sim-lost");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#refusal-title")).isEqualTo("此卡已挂失");
        assertThat(text(robot, "#refusal-message")).contains(ZH.refusal("card_lost"));

        robot.clickOn("#nav-language");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#refusal-title")).isEqualTo(ui("refusal.title.card_lost", Locale.ROOT));
        assertThat(text(robot, "#refusal-message")).contains(EN.refusal("card_lost"))
                .doesNotContain(ZH.refusal("card_lost"));
        assertThat(text(robot, "#sim-lost")).as("the card panel follows too")
                .startsWith(ui("sim.lost", Locale.ROOT))
                .endsWith(lostButton.substring(lostButton.lastIndexOf(' ')));
        assertThat(text(robot, "#cd-greeting")).isEqualTo(ui("customer.seeCounter", Locale.ROOT));

        robot.clickOn("#nav-language");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#refusal-message")).contains(ZH.refusal("card_lost"));
    }

    @Test
    void aQrRefusalIsWordedFromItsCode(FxRobot robot) {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        // The counter's message is in the start-up language; the screen words the code in the language shown.
        robot.interact(() -> till.ui.sellScreen().show(new CheckoutStep.Refused("qr_expired",
                ZH.qrRefusal(QrRefusal.EXPIRED), "", Optional.empty(), false)));
        assertThat(text(robot, "#refusal-message")).contains(ZH.qrRefusal(QrRefusal.EXPIRED));
        robot.clickOn("#nav-language");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#refusal-message")).isEqualTo(EN.qrRefusal(QrRefusal.EXPIRED));
    }
}
