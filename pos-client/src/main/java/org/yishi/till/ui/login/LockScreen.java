package org.yishi.till.ui.login;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
 * The locked till (idle, or the cashier stepped away): only the same cashier's PIN, or a supervisor's, opens it;
 * the sale screen underneath is kept as it was. Ids: {@code lock-pin}, {@code lock-message}.
 */
public final class LockScreen extends VBox {

    private final StaffService staff;
    private final LoginMessages messages;
    private final Consumer<Staff> onUnlocked;
    private final PasswordField pin = new PasswordField();
    private final Label message = new Label();

    public LockScreen(UiText text, StaffService staff, ZoneId zone, Consumer<Staff> onUnlocked) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = new LoginMessages(text, zone);
        this.onUnlocked = Objects.requireNonNull(onUnlocked, "onUnlocked");
        setId("lock-screen");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.compute(() -> text.get("lock.title",
                staff.current().map(Staff::name).orElse(""))));
        pin.setId("lock-pin");
        pin.getStyleClass().add("pin-display");
        pin.setMaxWidth(300);
        pin.promptTextProperty().bind(text.bind("login.pin"));
        pin.setOnAction(e -> submit());
        message.setId("lock-message");
        message.getStyleClass().add("error-text");
        Keypad keypad = new Keypad(text);
        keypad.follow(pin);
        keypad.setAlignment(Pos.CENTER);
        keypad.setOnEnter(this::submit);
        getChildren().addAll(title, pin, keypad, message);
    }

    private void submit() {
        char[] secret = pin.getText().toCharArray();
        pin.clear();
        LoginResult result;
        try {
            result = staff.unlock(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (result instanceof LoginResult.Ok ok) {
            message.setText("");
            onUnlocked.accept(ok.staff());
        } else {
            message.setText(messages.refusal(result));
        }
    }

    public void focusPin() {
        pin.requestFocus();
    }
}
