package org.yishi.till.ui.shift;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.till.shift.ShiftService;
import org.yishi.till.ui.login.Keypad;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;

import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Opening a shift: the cashier counts the float in the drawer and types it (yuan, keypad or keyboard).
 * Ids: {@code float-amount}, {@code shift-open}, {@code shift-open-message}.
 */
public final class ShiftOpenScreen extends VBox {

    private final UiText text;
    private final ShiftService shifts;
    private final LongConsumer onOpened;
    private final TextField amount = new TextField();
    private final Label message = new Label();

    public ShiftOpenScreen(UiText text, ShiftService shifts, LongConsumer onOpened) {
        this.text = Objects.requireNonNull(text, "text");
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.onOpened = Objects.requireNonNull(onOpened, "onOpened");
        setId("shift-open-screen");
        setAlignment(Pos.CENTER);
        setSpacing(16);
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("shiftOpen.title"));
        amount.setId("float-amount");
        amount.getStyleClass().add("pin-display");
        amount.promptTextProperty().bind(text.bind("shiftOpen.float"));
        amount.setMaxWidth(300);
        amount.setOnAction(e -> open());
        Button open = new Button();
        open.setId("shift-open");
        open.getStyleClass().add("accent");
        open.textProperty().bind(text.bind("shiftOpen.open"));
        open.setOnAction(e -> open());
        message.setId("shift-open-message");
        message.getStyleClass().add("error-text");
        Keypad keypad = new Keypad(text);
        keypad.follow(amount);
        keypad.setOnEnter(this::open);
        HBox body = new HBox(16, new VBox(10, amount, open), keypad);
        body.setAlignment(Pos.CENTER);
        getChildren().addAll(title, body, message);
    }

    private void open() {
        long fen = Money.parseFen(amount.getText());
        if (fen < 0) {
            message.setText(text.get("shiftOpen.invalid"));
            return;
        }
        try {
            long shiftNo = shifts.open(fen);
            amount.clear();
            message.setText("");
            onOpened.accept(shiftNo);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            message.setText(refused.getMessage());
        }
    }

    public void focusAmount() {
        amount.requestFocus();
    }

    /** Shown in the message line when the amount was refused; "" otherwise. */
    String messageShown() {
        return message.getText();
    }

    static String describe(UiText text, long fen) {
        return text.get("shiftOpen.opened", Money.yuan(fen));
    }
}
