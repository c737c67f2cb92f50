package org.yishi.till.ui.sell;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.till.checkout.CheckoutCounter;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ElderMatch;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.ui.login.ApprovalDialog;
import org.yishi.till.ui.shell.UiText;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A forgotten card: search by name and the last digits of ID or phone, pick the elder (who confirms the last 4
 * of the ID aloud), a supervisor approves, and the checkout goes on as after a tap. Ids: {@code manual-name},
 * {@code manual-digits}, {@code manual-search}, {@code manual-results}, {@code manual-choose},
 * {@code manual-message}, {@code manual-back}.
 */
public final class ManualIdentificationView extends VBox {

    private final UiText text;
    private final CheckoutCounter counter;
    private final ApprovalDialog approvals;
    private final BiConsumer<String, Approval> onIdentified;
    private final TextField name = new TextField();
    private final TextField digits = new TextField();
    private final ListView<ElderMatch> results = new ListView<>();
    private final Label message = new Label();

    public ManualIdentificationView(UiText text, CheckoutCounter counter, ApprovalDialog approvals,
            BiConsumer<String, Approval> onIdentified, Runnable back) {
        this.text = Objects.requireNonNull(text, "text");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.onIdentified = Objects.requireNonNull(onIdentified, "onIdentified");
        setId("manual-view");
        setSpacing(12);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("manual.title"));
        name.setId("manual-name");
        name.promptTextProperty().bind(text.bind("manual.name"));
        digits.setId("manual-digits");
        digits.promptTextProperty().bind(text.bind("manual.digits"));
        Button search = new Button();
        search.setId("manual-search");
        search.textProperty().bind(text.bind("manual.search"));
        search.setDefaultButton(true);
        search.setOnAction(e -> search());
        results.setId("manual-results");
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ElderMatch m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null
                        : text.get("manual.match", m.maskedName(), m.age(), m.town(), m.idLast4()));
            }
        });
        results.setPrefHeight(260);
        Button choose = new Button();
        choose.setId("manual-choose");
        choose.getStyleClass().add("accent");
        choose.textProperty().bind(text.bind("manual.choose"));
        choose.setOnAction(e -> choose());
        Button close = new Button();
        close.setId("manual-back");
        close.textProperty().bind(text.bind("common.back"));
        close.setOnAction(e -> back.run());
        message.setId("manual-message");
        message.getStyleClass().add("error-text");
        getChildren().addAll(title, new HBox(12, name, digits, search), results, new HBox(12, choose, close), message);
    }

    /** Clears the last search (screen shown again). */
    public void clear() {
        name.clear();
        digits.clear();
        results.getItems().clear();
        message.setText("");
        name.requestFocus();
    }

    private void search() {
        message.setText("");
        if (name.getText().isBlank() || !digits.getText().trim().matches("\\d{2,6}")) {
            message.setText(text.get("manual.needBoth"));
            return;
        }
        results.getItems().setAll(counter.search(name.getText().trim(), digits.getText().trim()));
        if (results.getItems().isEmpty()) {
            message.setText(text.get("manual.none"));
        } else {
            results.getSelectionModel().selectFirst();
        }
    }

    private void choose() {
        ElderMatch match = results.getSelectionModel().getSelectedItem();
        if (match == null) {
            message.setText(text.get("manual.pickOne"));
            return;
        }
        Optional<Approval> approval = approvals.ask(getScene().getWindow(), ApprovalAction.MANUAL_IDENTIFICATION,
                match.maskedName() + " " + match.idLast4());
        approval.ifPresent(a -> onIdentified.accept(match.elderId(), a));
    }
}
