package org.yishi.till.ui.shell;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventStream;
import org.yishi.cardreader.event.StatusEvent;
import org.yishi.receipts.print.PrintQueue;
import org.yishi.receipts.print.PrintQueueListener;
import org.yishi.receipts.print.PrintStatusText;
import org.yishi.receipts.print.QueueStatus;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The strip along the bottom of the till: till and canteen, staff, network and sync, reader, printer, clock.
 *
 * <p>Nothing here ever waits on a device or the network: readers and the print queue call in on their own
 * threads and the bar hops to the FX thread with {@link Platform#runLater}; sync state is pushed by whoever
 * polls it ({@link #syncProperty()}). Label ids: {@code status-till}, {@code status-staff}, {@code status-sync},
 * {@code status-reader}, {@code status-printer}, {@code status-clock}.
 */
public final class StatusBar extends HBox {

    /** What the reader side last said, in one of the bundle's words. */
    public enum ReaderState { WAITING, CONNECTED, NO_READER, SERVICE_DOWN, ERROR, SIMULATED }

    private final UiText text;
    private final Clock clock;
    private final StringProperty staff = new SimpleStringProperty("");
    private final StringProperty sync = new SimpleStringProperty("");
    private final StringProperty syncDetail = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty syncAlert = new javafx.beans.property.SimpleBooleanProperty(false);
    private final ObjectProperty<ReaderState> reader = new SimpleObjectProperty<>(ReaderState.WAITING);
    private final ObjectProperty<QueueStatus> printer = new SimpleObjectProperty<>();
    private final Label clockLabel = label("status-clock");
    private final Timeline ticker;

    public StatusBar(UiText text, Clock clock, String tillId, String canteenName) {
        this.text = Objects.requireNonNull(text, "text");
        this.clock = Objects.requireNonNull(clock, "clock");
        getStyleClass().add("status-bar");

        Label till = label("status-till");
        till.textProperty().bind(text.bind("status.till", tillId, canteenName));
        Label staffLabel = label("status-staff");
        staffLabel.textProperty().bind(text.compute(() -> staff.get().isEmpty()
                ? text.get("status.staff.none") : text.get("status.staff", staff.get()), staff));
        Label syncLabel = label("status-sync");
        syncLabel.textProperty().bind(sync);
        javafx.scene.control.Tooltip why = new javafx.scene.control.Tooltip();
        why.textProperty().bind(syncDetail);
        syncDetail.addListener((o, a, detail) -> syncLabel.setTooltip(detail == null || detail.isEmpty() ? null : why));
        syncAlert.addListener((o, a, alert) -> {
            syncLabel.getStyleClass().removeAll("warn-text");
            if (alert) {
                syncLabel.getStyleClass().add("warn-text");
            }
        });
        Label readerLabel = label("status-reader");
        readerLabel.textProperty().bind(text.compute(
                () -> text.get("status.reader." + reader.get().name().toLowerCase(Locale.ROOT)), reader));
        Label printerLabel = label("status-printer");
        printerLabel.textProperty().bind(text.compute(() -> printer.get() == null ? text.get("status.printer.unknown")
                : text.get("status.printer", new PrintStatusText(text.locale()).headline(printer.get())), printer));
        printer.addListener((o, a, status) -> {
            printerLabel.getStyleClass().removeAll("warn-text");
            if (status != null && status.needsAttention()) {
                printerLabel.getStyleClass().add("warn-text");
            }
        });

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(till, staffLabel, syncLabel, readerLabel, printerLabel, gap, clockLabel);

        tick();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    private void tick() {
        clockLabel.setText(ZonedDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    }

    /** Follows the readers' status events (connected, gone, service down) from any thread. */
    public void follow(ReaderEventStream readers) {
        readers.subscribe(this::onReaderEvent);
    }

    void onReaderEvent(ReaderEvent event) {
        ReaderState state = null;
        if (event instanceof StatusEvent.ReaderConnected) {
            state = ReaderState.CONNECTED;
        } else if (event instanceof StatusEvent.ReaderListChanged list) {
            state = list.readers().isEmpty() ? ReaderState.NO_READER : ReaderState.CONNECTED;
        } else if (event instanceof StatusEvent.NoReader || event instanceof StatusEvent.ReaderDisconnected) {
            state = ReaderState.NO_READER;
        } else if (event instanceof StatusEvent.ServiceUnavailable) {
            state = ReaderState.SERVICE_DOWN;
        } else if (event instanceof StatusEvent.ReaderError) {
            state = ReaderState.ERROR;
        }
        ReaderState seen = state;
        if (seen != null) {
            Platform.runLater(() -> reader.set(seen));
        }
    }

    /** Follows the print queue from its own event thread. */
    public void follow(PrintQueue queue) {
        queue.addListener(new PrintQueueListener() {
            @Override
            public void statusChanged(QueueStatus status) {
                Platform.runLater(() -> printer.set(status));
            }
        });
        QueueStatus now = queue.status();
        Platform.runLater(() -> printer.set(now));
    }

    /** The logged-in staff member's display text, empty when nobody is. FX thread. */
    public StringProperty staffProperty() {
        return staff;
    }

    /** The network/sync line, already in the UI's words. FX thread. */
    public StringProperty syncProperty() {
        return sync;
    }

    /** Why the last sync round did not complete (the sync line's tooltip); empty when it did. FX thread. */
    public StringProperty syncDetailProperty() {
        return syncDetail;
    }

    /** Offline longer than the configured alert threshold: the sync line asks for attention. FX thread. */
    public javafx.beans.property.BooleanProperty syncAlertProperty() {
        return syncAlert;
    }

    public ObjectProperty<ReaderState> readerProperty() {
        return reader;
    }

    /** Stops the clock (window closing). */
    public void stop() {
        ticker.stop();
    }
}
