package org.yishi.till.ui.login;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.staff.ApprovalResult;
import org.yishi.till.staff.StaffService;
import org.yishi.till.ui.shell.Theme;
import org.yishi.till.ui.shell.UiText;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A supervisor's number and PIN for one action (void, refund, manual identification, no-sale drawer, shift
 * close with a variance), on the same keypad as the login. Modal: the cashier's screen waits for the answer.
 * Ids: {@code approval-staff}, {@code approval-pin}, {@code approval-ok}, {@code approval-cancel},
 * {@code approval-message}.
 */
public final class ApprovalDialog {

    private final UiText text;
    private final Theme theme;
    private final StaffService staff;
    private final LoginMessages messages;

    public ApprovalDialog(UiText text, Theme theme, StaffService staff, ZoneId zone) {
        this.text = Objects.requireNonNull(text, "text");
        this.theme = Objects.requireNonNull(theme, "theme");
        this.staff = Objects.requireNonNull(staff, "staff");
        this.messages = new LoginMessages(text, zone);
    }

    /**
     * Asks for a supervisor's approval and waits for it.
     *
     * @param detail what is being approved, for the journal (e.g. "receipt GZ-…-42")
     * @return the approval, or empty when the cashier cancelled
     */
    public Optional<Approval> ask(Window owner, ApprovalAction action, String detail) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.titleProperty().bind(text.bind("approval.title"));
        Approval[] approved = new Approval[1];

        Label what = new Label();
        what.getStyleClass().add("screen-title");
        what.setText(text.get("approval.for", text.get("approval.action." + action.name().toLowerCase(Locale.ROOT)), detail));
        what.setWrapText(true);
        TextField supervisor = new TextField();
        supervisor.setId("approval-staff");
        supervisor.setPromptText(text.get("approval.supervisorNo"));
        PasswordField pin = new PasswordField();
        pin.setId("approval-pin");
        pin.getStyleClass().add("pin-display");
        pin.setPromptText(text.get("login.pin"));
        Label message = new Label();
        message.setId("approval-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);

        Runnable submit = () -> {
            char[] secret = pin.getText().toCharArray();
            pin.clear();
            ApprovalResult result;
            try {
                result = staff.approve(supervisor.getText().trim(), secret, action, detail);
            } finally {
                Arrays.fill(secret, '\0');
            }
            if (result instanceof ApprovalResult.Approved ok) {
                approved[0] = ok.approval();
                stage.close();
            } else if (result instanceof ApprovalResult.Refused refused) {
                message.setText(messages.refusal(refused.why()));
            }
        };
        Keypad keypad = new Keypad(text);
        keypad.follow(supervisor, pin);
        keypad.setOnEnter(() -> {
            if (supervisor.isFocused()) {
                pin.requestFocus();
            } else {
                submit.run();
            }
        });
        supervisor.setOnAction(e -> pin.requestFocus());
        pin.setOnAction(e -> submit.run());
        Button ok = new Button(text.get("approval.ok"));
        ok.setId("approval-ok");
        ok.getStyleClass().add("accent");
        ok.setOnAction(e -> submit.run());
        Button cancel = new Button(text.get("common.cancel"));
        cancel.setId("approval-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());

        VBox fields = new VBox(10, supervisor, pin, new HBox(10, ok, cancel));
        HBox body = new HBox(16, fields, keypad);
        VBox root = new VBox(16, what, body, message);
        root.setPadding(new Insets(24));
        root.setAlignment(Pos.CENTER_LEFT);
        Scene scene = new Scene(root);
        theme.style(scene);
        stage.setScene(scene);
        stage.setOnShown(e -> supervisor.requestFocus());
        stage.showAndWait();
        return Optional.ofNullable(approved[0]);
    }
}
