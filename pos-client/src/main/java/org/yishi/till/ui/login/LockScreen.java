package org.yishi.till.ui.login;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
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
 * the sale screen underneath is kept as it was. The staff number is left empty for the cashier's own PIN; a
 * supervisor types their number first. Ids: {@code lock-title}, {@code lock-staff}, {@code lock-pin}, {@code lock-message}.
 */
public final class LockScreen extends VBox {

    private final StaffService staff;
    private final LoginMessages messages;
    private final Consumer<Staff> onUnlocked;
    private final Runnable onLoggedOut;
    private final StringProperty owner = new SimpleStringProperty("");
    private final TextField staffNo = new TextField();
    private final PasswordField pin = new PasswordField();
    private final Label message = new Label();

    /**
     * @param onUnlocked  called with the session's owner once the till is open again
     * @param onLoggedOut called when the owner locked themselves out with wrong PINs and was logged out
     */
    public LockScreen(UiText text, StaffService staff, ZoneId zone, Consumer<Staff> onUnlocked, Runnable onLoggedOut) {
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = new LoginMessages(text, zone);
        this.onUnlocked = Objects.requireNonNull(onUnlocked, "onUnlocked");
        this.onLoggedOut = Objects.requireNonNull(onLoggedOut, "onLoggedOut");
        setId("lock-screen");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        Label title = new Label();
        title.setId("lock-title");
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.compute(() -> text.get("lock.title", owner.get()), owner));
        staffNo.setId("lock-staff");
        staffNo.setMaxWidth(300);
        staffNo.promptTextProperty().bind(text.bind("lock.staff"));
        staffNo.setOnAction(e -> pin.requestFocus());
        pin.setId("lock-pin");
        pin.getStyleClass().add("pin-display");
        pin.setMaxWidth(300);
        pin.promptTextProperty().bind(text.bind("login.pin"));
        pin.setOnAction(e -> submit());
        message.setId("lock-message");
        message.getStyleClass().add("error-text");
        Keypad keypad = new Keypad(text);
        keypad.follow(staffNo, pin);
        keypad.setAlignment(Pos.CENTER);
        keypad.setOnEnter(this::submit);
        getChildren().addAll(title, staffNo, pin, keypad, message);
    }

    private void submit() {
        char[] secret = pin.getText().toCharArray();
        String who = staffNo.getText().trim();
        pin.clear();
        LoginResult result;
        try {
            result = who.isEmpty() ? staff.unlock(secret) : staff.unlock(who, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (result instanceof LoginResult.Ok ok) {
            message.setText("");
            staffNo.clear();
            onUnlocked.accept(ok.staff());
        } else if (staff.current().isEmpty()) {
            message.setText("");
            onLoggedOut.run();
        } else {
            message.setText(messages.refusal(result));
        }
    }

    /** Readies the screen for the session just locked: its owner in the title, empty fields, focus on the PIN. */
    public void prepare() {
        owner.set(staff.current().map(Staff::name).orElse(""));
        staffNo.clear();
        pin.clear();
        message.setText("");
        pin.requestFocus();
    }
}
