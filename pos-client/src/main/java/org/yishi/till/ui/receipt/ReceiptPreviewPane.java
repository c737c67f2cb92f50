package org.yishi.till.ui.receipt;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.yishi.till.ui.shell.UiText;

import java.util.List;

/**
 * Shows the last receipt on screen when the till has no printer (demo, printer away for repair). Fed with the
 * bytes the print queue "printed" ({@code ScreenOutput}), from any thread. Id: {@code receipt-preview}.
 */
public final class ReceiptPreviewPane extends VBox {

    private final ScreenReceiptText reader = new ScreenReceiptText();
    private final TextArea paper = new TextArea();

    public ReceiptPreviewPane(UiText text) {
        setSpacing(6);
        getStyleClass().add("panel");
        Label title = new Label();
        title.textProperty().bind(text.bind("receipt.preview.title"));
        paper.setId("receipt-preview");
        paper.getStyleClass().add("receipt-preview");
        paper.setEditable(false);
        paper.setPrefColumnCount(34);
        paper.setPrefRowCount(18);
        getChildren().addAll(title, paper);
    }

    /** Shows a receipt's bytes; callable from the print queue's thread. */
    public void show(byte[] escPos) {
        List<String> lines = reader.lines(escPos);
        if (lines.stream().allMatch(String::isBlank)) {
            return; // a drawer kick prints nothing: the last receipt stays on show
        }
        String shown = String.join("\n", lines);
        if (Platform.isFxApplicationThread()) {
            paper.setText(shown);
        } else {
            Platform.runLater(() -> paper.setText(shown));
        }
    }

    public String shownText() {
        return paper.getText();
    }
}
