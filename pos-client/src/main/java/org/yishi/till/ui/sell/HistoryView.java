package org.yishi.till.ui.sell;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.yishi.receipts.print.Admission;
import org.yishi.receipts.print.PrintQueue;
import org.yishi.till.checkout.CheckoutCounter;
import org.yishi.till.checkout.ReprintResult;
import org.yishi.till.checkout.ReversalResult;
import org.yishi.till.checkout.ShiftSale;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.ui.login.ApprovalDialog;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;

import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * This shift's sales, newest first, with reprint (marked as such on paper), void (this shift, supervisor) and
 * refund (tied to the receipt, supervisor, never twice — the counter refuses a second one and this view shows
 * why), and retry of receipts held by a failed printer. Ids: {@code history-table}, {@code history-retry}, {@code history-reprint}, {@code history-void}, {@code history-refund},
 * {@code history-message}, {@code history-back}.
 *
 * <p>Reprint, void and refund read the sale's record from the journal and write one: they run on the background
 * executor, never on the FX thread (the buttons are disabled meanwhile, {@link #busyProperty()}), so however old the
 * sale, the screen never freezes while the journal is read.
 */
public final class HistoryView extends VBox {

    private final UiText text;
    private final CheckoutCounter counter;
    private final ApprovalDialog approvals;
    private final TableView<ShiftSale> table = new TableView<>();
    private final Label message = new Label();
    private final Executor background;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /** @param background where reprint, void and refund run (the journal is read and written there, not on the FX thread) */
    public HistoryView(UiText text, CheckoutCounter counter, PrintQueue printer, ApprovalDialog approvals, Executor background,
            Runnable back) {
        this.text = Objects.requireNonNull(text, "text");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.background = Objects.requireNonNull(background, "background");
        setId("history-view");
        setSpacing(12);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("history.title"));

        table.setId("history-table");
        table.getColumns().add(column("history.receipt", ShiftSale::receiptNo));
        table.getColumns().add(column("history.time", s -> s.time().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        table.getColumns().add(column("history.customer", s -> s.walkIn() ? text.get("history.walkIn") : text.get("history.elder")));
        table.getColumns().add(column("history.price", s -> Money.yuan(s.priceFen())));
        table.getColumns().add(column("history.subsidy", s -> Money.yuan(s.subsidyFen())));
        table.getColumns().add(column("history.copay", s -> Money.yuan(s.copayFen())));
        table.getColumns().add(column("history.state", s -> s.reversal().isEmpty() ? "" : text.get("history.state." + s.reversal())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button reprint = button("history-reprint", "history.reprint");
        reprint.setOnAction(e -> selected().ifPresent(this::reprint));
        Button voidSale = button("history-void", "history.void");
        voidSale.setOnAction(e -> selected().ifPresent(this::voidSale));
        Button refund = button("history-refund", "history.refund");
        refund.setOnAction(e -> selected().ifPresent(this::refund));
        for (Button action : new Button[] {reprint, voidSale, refund}) {
            action.disableProperty().bind(busy);
        }
        Button retry = button("history-retry", "history.retry");
        retry.setOnAction(e -> {
            int released = printer.retry();
            say(text.get("history.retried", released), true);
        });
        Button close = button("history-back", "common.back");
        close.setOnAction(e -> back.run());
        message.setId("history-message");
        message.setWrapText(true);
        message.getStyleClass().add("amount");
        getChildren().addAll(title, table, new HBox(12, reprint, voidSale, refund, retry, close), message);
    }

    private TableColumn<ShiftSale, String> column(String key, Function<ShiftSale, String> value) {
        TableColumn<ShiftSale, String> c = new TableColumn<>();
        c.textProperty().bind(text.bind(key));
        c.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return c;
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text.bind(key));
        return b;
    }

    /** Reloads the shift's sales. */
    public void refresh() {
        table.getItems().setAll(counter.shiftSales());
        if (!table.getItems().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    /** Selects a sale by receipt number (tests, and a scanned receipt QR one day). */
    public boolean select(String receiptNo) {
        for (ShiftSale s : table.getItems()) {
            if (s.receiptNo().equals(receiptNo)) {
                table.getSelectionModel().select(s);
                return true;
            }
        }
        return false;
    }

    private Optional<ShiftSale> selected() {
        Optional<ShiftSale> s = Optional.ofNullable(table.getSelectionModel().getSelectedItem());
        if (s.isEmpty()) {
            say(text.get("history.selectFirst"), false);
        }
        return s;
    }

    /** Whether a reprint, void or refund is running in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Runs {@code work} on the background executor and hands its result to {@code done} on the FX thread. */
    private <T> void inBackground(Supplier<T> work, Consumer<T> done) {
        busy.set(true);
        CompletableFuture.supplyAsync(work, background).whenComplete((result, failure) -> Platform.runLater(() -> {
            busy.set(false);
            if (failure != null) {
                say(text.get("history.failed", String.valueOf(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage())), false);
            } else {
                done.accept(result);
            }
        }));
    }

    private void reprint(ShiftSale sale) {
        String reason = text.get("history.reprintReason");
        inBackground(() -> counter.reprint(sale.seq(), reason), r -> say(text.get("history.reprinted", sale.receiptNo(), r.reprintCount())
                + (r.printing() == Admission.ACCEPTED ? "" : "\n" + text.get("sell.notPrinted")), true));
    }

    private void voidSale(ShiftSale sale) {
        Optional<String> reason = reason("history.voidReason");
        if (reason.isEmpty()) {
            return;
        }
        Optional<Approval> approval = approvals.ask(getScene().getWindow(), ApprovalAction.VOID, sale.receiptNo());
        if (approval.isEmpty()) {
            return;
        }
        inBackground(() -> counter.voidSale(sale.seq(), approval.get(), reason.get()), r -> report(r, "history.voided", sale));
    }

    private void refund(ShiftSale sale) {
        Optional<String> reason = reason("history.refundReason");
        if (reason.isEmpty()) {
            return;
        }
        Optional<Approval> approval = approvals.ask(getScene().getWindow(), ApprovalAction.REFUND, sale.receiptNo());
        if (approval.isEmpty()) {
            return;
        }
        inBackground(() -> counter.refund(sale.receiptNo(), approval.get(), reason.get()), r -> report(r, "history.refunded", sale));
    }

    private void report(ReversalResult result, String doneKey, ShiftSale sale) {
        if (result.done()) {
            say(text.get(doneKey, sale.receiptNo(), Money.yuan(result.copayBackFen())), true);
        } else {
            say(result.refusal().orElse(""), false);
        }
        String receipt = sale.receiptNo();
        refresh();
        select(receipt);
    }

    private Optional<String> reason(String key) {
        TextInputDialog dialog = new TextInputDialog(text.get(key + ".default"));
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(text.get(key));
        dialog.setHeaderText(text.get(key));
        dialog.getEditor().setId("reason-input");
        return dialog.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    private void say(String what, boolean ok) {
        message.getStyleClass().removeAll("ok-text", "refused-text");
        message.getStyleClass().add(ok ? "ok-text" : "refused-text");
        message.setText(what);
    }
}
