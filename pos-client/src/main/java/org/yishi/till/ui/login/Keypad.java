package org.yishi.till.ui.login;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import org.yishi.till.ui.shell.UiText;

/**
 * An on-screen numeric keypad for touch tills: types digits into whichever field it is pointed at
 * ({@link #targetProperty()}), with clear, backspace and enter. The physical keyboard works alongside it because
 * the fields stay ordinary text fields. Key ids: {@code key-0}..{@code key-9}, {@code key-clear},
 * {@code key-back}, {@code key-enter}.
 */
public final class Keypad extends GridPane {

    private final ObjectProperty<TextInputControl> target = new SimpleObjectProperty<>();
    private Runnable onEnter = () -> { };

    public Keypad(UiText text) {
        getStyleClass().add("keypad");
        setHgap(8);
        setVgap(8);
        String[] layout = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
        for (int i = 0; i < layout.length; i++) {
            add(digit(layout[i]), i % 3, i / 3);
        }
        Button clear = key("key-clear");
        clear.textProperty().bind(text.bind("keypad.clear"));
        clear.setOnAction(e -> {
            if (target.get() != null) {
                target.get().clear();
            }
        });
        Button back = key("key-back");
        back.setText("⌫");
        back.setOnAction(e -> {
            TextInputControl field = target.get();
            if (field != null && !field.getText().isEmpty()) {
                field.deleteText(field.getLength() - 1, field.getLength());
            }
        });
        add(clear, 0, 3);
        add(digit("0"), 1, 3);
        add(back, 2, 3);
        Button enter = key("key-enter");
        enter.textProperty().bind(text.bind("keypad.enter"));
        enter.getStyleClass().add("accent");
        enter.setMaxWidth(Double.MAX_VALUE);
        enter.setOnAction(e -> onEnter.run());
        add(enter, 0, 4, 3, 1);
    }

    private Button digit(String d) {
        Button b = key("key-" + d);
        b.setText(d);
        b.setOnAction(e -> {
            TextInputControl field = target.get();
            if (field != null) {
                field.appendText(d);
            }
        });
        return b;
    }

    private static Button key(String id) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("key");
        // Keys must not steal focus from the field being typed into: the keyboard keeps working.
        b.setFocusTraversable(false);
        return b;
    }

    /** The field digits go into; null types nowhere. */
    public ObjectProperty<TextInputControl> targetProperty() {
        return target;
    }

    /** Points the keypad at {@code field} and keeps it pointed at whichever of the fields gets focus. */
    public void follow(TextInputControl... fields) {
        for (TextInputControl field : fields) {
            field.focusedProperty().addListener((obs, was, is) -> {
                if (is) {
                    target.set(field);
                }
            });
        }
        if (fields.length > 0) {
            target.set(fields[0]);
        }
    }

    public void setOnEnter(Runnable action) {
        this.onEnter = action == null ? () -> { } : action;
    }
}
