package org.yishi.till.ui.shift;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.till.shift.CashCount;
import org.yishi.till.shift.ShiftCloseRefusedException;
import org.yishi.till.shift.ShiftCloseResult;
import org.yishi.till.shift.ShiftCloseSummary;
import org.yishi.till.shift.ShiftService;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalAction;
import org.yishi.till.ui.login.ApprovalDialog;
import org.yishi.till.ui.receipt.ScreenReceiptText;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Closing the shift: the drawer counted by denomination, expected vs counted and the variance updated as the
 * counts are typed, a supervisor's approval when they differ, then the Z-report recorded and printed (by {@code closer}, the till's close) and shown.
 * Ids: {@code count-<denomination in fen>}, {@code close-expected}, {@code close-counted}, {@code close-variance},
 * {@code shift-close}, {@code close-message}, {@code zreport}, {@code close-back}, {@code close-done}.
 */
public final class ShiftCloseScreen extends VBox {

    private final UiText text;
    private final ShiftService shifts;
    private final BiFunction<CashCount, Optional<Approval>, ShiftCloseResult> closer;
    private final ApprovalDialog approvals;
    private final Map<Long, TextField> counts = new LinkedHashMap<>();
    private final Label expected = value("close-expected");
    private final Label counted = value("close-counted");
    private final Label variance = value("close-variance");
    private final Label message = new Label();
    private final TextArea zReport = new TextArea();
    private final Button closeButton = new Button();
    private final Button done = new Button();
    private Optional<ShiftCloseResult> result = Optional.empty();

    public ShiftCloseScreen(UiText text, ShiftService shifts, BiFunction<CashCount, Optional<Approval>, ShiftCloseResult> closer,
            ApprovalDialog approvals,
            Runnable back, Consumer<ShiftCloseResult> onClosed) {
        this.text = Objects.requireNonNull(text, "text");
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        setId("shift-close-screen");
        setSpacing(12);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("shiftClose.title"));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (long denomination : shifts.settings().denominationsFen()) {
            TextField count = new TextField("0");
            count.setId("count-" + denomination);
            count.setPrefColumnCount(5);
            count.textProperty().addListener((o, a, b) -> recount());
            counts.put(denomination, count);
            Label note = new Label(Money.yuan(denomination));
            note.setMinWidth(90);
            grid.add(note, 0, row);
            grid.add(count, 1, row);
            row++;
        }
        GridPane sums = new GridPane();
        sums.setHgap(16);
        sums.setVgap(6);
        sums.add(text.label("shiftClose.expected", "amount"), 0, 0);
        sums.add(expected, 1, 0);
        sums.add(text.label("shiftClose.counted", "amount"), 0, 1);
        sums.add(counted, 1, 1);
        sums.add(text.label("shiftClose.variance", "amount"), 0, 2);
        sums.add(variance, 1, 2);

        closeButton.setId("shift-close");
        closeButton.getStyleClass().addAll("accent", "confirm-button");
        closeButton.textProperty().bind(text.bind("shiftClose.close"));
        closeButton.setOnAction(e -> close());
        Button backButton = new Button();
        backButton.setId("close-back");
        backButton.textProperty().bind(text.bind("common.back"));
        backButton.setOnAction(e -> back.run());
        done.setId("close-done");
        done.textProperty().bind(text.bind("shiftClose.done"));
        done.setOnAction(e -> result.ifPresent(onClosed));
        done.setVisible(false);
        message.setId("close-message");
        message.setWrapText(true);
        message.getStyleClass().add("amount");
        zReport.setId("zreport");
        zReport.getStyleClass().add("receipt-preview");
        zReport.setEditable(false);
        zReport.setPrefRowCount(20);
        zReport.setPrefColumnCount(50);
        zReport.setMinWidth(520);

        HBox body = new HBox(24, grid, new VBox(12, sums, new HBox(12, closeButton, backButton, done), message), zReport);
        getChildren().addAll(title, body);
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("amount");
        return l;
    }

    /** Fresh counts for a new close (screen shown). */
    public void reset() {
        counts.values().forEach(f -> f.setText("0"));
        result = Optional.empty();
        zReport.clear();
        message.setText("");
        done.setVisible(false);
        closeButton.setDisable(false);
        recount();
    }

    private Optional<CashCount> count() {
        TreeMap<Long, Integer> byDenomination = new TreeMap<>();
        for (Map.Entry<Long, TextField> e : counts.entrySet()) {
            String typed = e.getValue().getText().trim();
            if (!typed.matches("\\d{1,5}")) {
                message.setText(text.get("shiftClose.badCount", Money.yuan(e.getKey())));
                return Optional.empty();
            }
            byDenomination.put(e.getKey(), Integer.parseInt(typed));
        }
        return Optional.of(new CashCount(byDenomination));
    }

    private void recount() {
        if (result.isPresent()) {
            return;
        }
        Optional<CashCount> count = count();
        if (count.isEmpty()) {
            return;
        }
        message.setText("");
        try {
            ShiftCloseSummary s = shifts.preview(count.get());
            expected.setText(Money.yuan(s.expectedCashFen()));
            counted.setText(Money.yuan(s.countedCashFen()));
            variance.setText(Money.yuan(s.varianceFen()));
            variance.getStyleClass().removeAll("ok-text", "warn-text");
            variance.getStyleClass().add(s.hasVariance() ? "warn-text" : "ok-text");
        } catch (IllegalStateException | IllegalArgumentException | ShiftCloseRefusedException refused) {
            message.setText(refused.getMessage());
        }
    }

    private void close() {
        Optional<CashCount> count = count();
        if (count.isEmpty()) {
            return;
        }
        try {
            ShiftCloseSummary preview = shifts.preview(count.get());
            Optional<Approval> approval = Optional.empty();
            if (preview.hasVariance()) {
                approval = approvals.ask(getScene().getWindow(), ApprovalAction.SHIFT_CLOSE_VARIANCE,
                        text.get("shiftClose.varianceDetail", preview.shiftNo(), Money.yuan(preview.varianceFen())));
                if (approval.isEmpty()) {
                    message.setText(text.get("shiftClose.needsApproval"));
                    return;
                }
            }
            ShiftCloseResult closed = closer.apply(count.get(), approval);
            result = Optional.of(closed);
            zReport.setText(String.join("\n", new ScreenReceiptText().lines(closed.zReport().escPos())));
            String summary = text.get("shiftClose.closed", closed.summary().shiftNo(),
                    closed.summary().shiftTotals().sales(), Money.yuan(closed.summary().shiftTotals().copayFen()));
            // On an enrolled till: whether the day is safe on the server yet.
            String server = closed.unacknowledged().isEmpty() ? ""
                    : closed.unacknowledged().getAsLong() == 0 ? text.get("shiftClose.allAcknowledged")
                    : text.get("shiftClose.unacknowledged", closed.unacknowledged().getAsLong());
            message.setText(server.isEmpty() ? summary : summary + "\n" + server);
            closeButton.setDisable(true);
            done.setVisible(true);
        } catch (IllegalStateException | IllegalArgumentException | ShiftCloseRefusedException refused) {
            message.setText(refused.getMessage());
        }
    }

    /** The close just made, if any. */
    public Optional<ShiftCloseResult> result() {
        return result;
    }
}
