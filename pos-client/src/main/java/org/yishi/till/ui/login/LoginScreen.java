package org.yishi.till.ui.login;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.till.staff.LoginResult;
import org.yishi.till.staff.Staff;
import org.yishi.till.staff.StaffService;
import org.yishi.till.ui.shell.UiText;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Staff number and PIN, typed on the on-screen keypad or the keyboard; Enter logs in. The PIN lives in a char
 * array that is wiped after the attempt. Ids: {@code login-staff}, {@code login-pin}, {@code login-submit},
 * {@code login-message}.
 */
public final class LoginScreen extends VBox {

    private final StaffService staff;
    private final LoginMessages messages;
    private final Consumer<Staff> onLoggedIn;
    private final TextField staffNo = new TextField();
    private final PasswordField pin = new PasswordField();
    private final Label message = new Label();

    public LoginScreen(UiText text, StaffService staff, ZoneId zone, String tillTitle, Consumer<Staff> onLoggedIn) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = new LoginMessages(text, zone);
        this.onLoggedIn = Objects.requireNonNull(onLoggedIn, "onLoggedIn");
        setId("login-screen");
        setAlignment(Pos.CENTER);
        setSpacing(16);

        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("login.title", tillTitle));
        staffNo.setId("login-staff");
        staffNo.promptTextProperty().bind(text.bind("login.staffNo"));
        staffNo.setMaxWidth(300);
        pin.setId("login-pin");
        pin.getStyleClass().add("pin-display");
        pin.promptTextProperty().bind(text.bind("login.pin"));
        pin.setMaxWidth(300);
        message.setId("login-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.setMaxWidth(420);

        Keypad keypad = new Keypad(text);
        keypad.follow(staffNo, pin);
        keypad.setAlignment(Pos.CENTER);
        keypad.setOnEnter(this::enter);
        Button submit = new Button();
        submit.setId("login-submit");
        submit.getStyleClass().add("accent");
        submit.textProperty().bind(text.bind("login.submit"));
        submit.setOnAction(e -> submit());
        staffNo.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pin.requestFocus();
            }
        });
        pin.setOnAction(e -> submit());

        HBox fields = new HBox(12, new VBox(8, staffNo, pin, submit), keypad);
        fields.setAlignment(Pos.CENTER);
        getChildren().addAll(title, fields, message);
    }

    /** The keypad's enter: from the staff number it moves on to the PIN, from the PIN it logs in. */
    private void enter() {
        if (staffNo.isFocused() || pin.getText().isEmpty()) {
            pin.requestFocus();
        } else {
            submit();
        }
    }

    private void submit() {
        char[] secret = pin.getText().toCharArray();
        pin.clear();
        LoginResult result;
        try {
            result = staff.login(staffNo.getText().trim(), secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (result instanceof LoginResult.Ok ok) {
            message.setText("");
            staffNo.clear();
            onLoggedIn.accept(ok.staff());
        } else {
            message.setText(messages.refusal(result));
            pin.requestFocus();
        }
    }

    /** Puts the cursor in the staff number field (when the screen is shown). */
    public void focusFirst() {
        staffNo.requestFocus();
    }
}
