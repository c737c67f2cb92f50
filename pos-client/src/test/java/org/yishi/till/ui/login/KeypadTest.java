package org.yishi.till.ui.login;

import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.yishi.till.ui.shell.UiText;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class KeypadTest {

    private TextField staff;
    private PasswordField pin;
    private final AtomicInteger enters = new AtomicInteger();

    @Start
    void start(Stage stage) {
        staff = new TextField();
        pin = new PasswordField();
        Keypad keypad = new Keypad(UiText.forLanguage("zh"));
        keypad.follow(staff, pin);
        keypad.setOnEnter(enters::incrementAndGet);
        stage.setScene(new Scene(new VBox(staff, pin, keypad)));
        stage.show();
    }

    @Test
    void keysTypeIntoTheFocusedFieldAndTheKeyboardStillWorks(FxRobot robot) {
        robot.clickOn("#key-1").clickOn("#key-0").clickOn("#key-7");
        assertThat(staff.getText()).isEqualTo("107");
        robot.clickOn(pin).clickOn("#key-4").clickOn("#key-2");
        robot.write("99");
        assertThat(pin.getText()).isEqualTo("4299");
        robot.clickOn("#key-back");
        assertThat(pin.getText()).isEqualTo("429");
        robot.clickOn("#key-clear");
        assertThat(pin.getText()).isEmpty();
        assertThat(staff.getText()).isEqualTo("107");
        robot.clickOn("#key-enter");
        assertThat(enters).hasValue(1);
    }
}
