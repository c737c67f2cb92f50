package org.yishi.till.ui.sell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.yishi.cardreader.event.ReaderEventFactory;
import org.yishi.cardreader.event.ReaderEventSink;
import org.yishi.till.ui.shell.UiText;

import java.time.Clock;
import java.util.List;

/**
 * Buttons standing in for a card reader and QR scanner when the till has none (demo, training): each press
 * publishes the same event a real device would, into the same hub, so the checkout cannot tell the difference.
 * Button ids: {@code sim-<card id>}.
 */
public final class SimulatedCardPanel extends VBox {

    /** The source name the events carry, so the journal and logs show they were simulated. */
    public static final String SOURCE = "simulated";

    public SimulatedCardPanel(UiText text, List<DemoCard> cards, ReaderEventSink sink, Clock clock) {
        setSpacing(8);
        getStyleClass().add("panel");
        ReaderEventFactory events = new ReaderEventFactory(clock, SOURCE);
        Label title = new Label();
        title.textProperty().bind(text.bind("sim.title"));
        FlowPane buttons = new FlowPane(8, 8);
        for (DemoCard card : cards) {
            Button b = new Button();
            b.textProperty().bind(text.compute(() -> text.get(card.labelKey()) + card.suffix()));
            b.setId("sim-" + card.id());
            b.setFocusTraversable(false);
            b.setOnAction(e -> sink.publish(card.kind() == DemoCard.Kind.CARD
                    ? events.cardTapped(card.value()) : events.qrScanned(card.value())));
            buttons.getChildren().add(b);
        }
        getChildren().addAll(title, buttons);
    }
}
