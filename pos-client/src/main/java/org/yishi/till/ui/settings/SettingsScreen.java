package org.yishi.till.ui.settings;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventStream;
import org.yishi.receipts.print.PrintQueue;
import org.yishi.receipts.print.PrintStatusText;
import org.yishi.till.checkout.TillStatus;
import org.yishi.till.ui.shell.FontChoice;
import org.yishi.till.ui.shell.UiText;
import org.yishi.till.voice.Voice;
import org.yishi.till.voice.VoicePrompt;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Settings and diagnostics for the installer and the supervisor: reader test (the last thing any reader said),
 * printer state and a test page, registry cache and policy versions, journal status, the font in use, the voice,
 * and the language. Reading the till's status runs off the FX thread. Ids: {@code diag-policy},
 * {@code diag-cache}, {@code diag-journal}, {@code diag-sync}, {@code diag-reader}, {@code diag-printer},
 * {@code diag-font}, {@code test-page}, {@code test-voice}, {@code toggle-language}, {@code settings-back}.
 */
public final class SettingsScreen extends VBox {

    private final UiText text;
    private final Supplier<TillStatus> status;
    private final PrintQueue printer;
    private final Executor background;
    private final ZoneId zone;
    private final Label policy = value("diag-policy");
    private final Label cache = value("diag-cache");
    private final Label journal = value("diag-journal");
    private final Label sync = value("diag-sync");
    private final Label reader = value("diag-reader");
    private final Label printerState = value("diag-printer");
    private final Label font = value("diag-font");

    public SettingsScreen(UiText text, Supplier<TillStatus> status, ReaderEventStream readers, PrintQueue printer,
            Runnable testPage, Voice voice, FontChoice fontChoice, Executor background, ZoneId zone, Runnable back) {
        this.text = Objects.requireNonNull(text, "text");
        this.status = Objects.requireNonNull(status, "status");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.background = Objects.requireNonNull(background, "background");
        this.zone = Objects.requireNonNull(zone, "zone");
        setId("settings-screen");
        setSpacing(12);
        setPadding(new Insets(12));
        Label title = new Label();
        title.getStyleClass().add("screen-title");
        title.textProperty().bind(text.bind("settings.title"));

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        String[] keys = {"settings.policy", "settings.cache", "settings.journal", "settings.sync", "settings.reader",
                "settings.printer", "settings.font"};
        Label[] values = {policy, cache, journal, sync, reader, printerState, font};
        for (int i = 0; i < keys.length; i++) {
            Label caption = new Label();
            caption.textProperty().bind(text.bind(keys[i]));
            grid.add(caption, 0, i);
            grid.add(values[i], 1, i);
        }
        reader.textProperty().bind(text.bind("settings.reader.tapToTest"));
        font.setText(fontChoice.family().orElse("") + fontChoice.warning().map(w -> " " + w).orElse(""));
        readers.subscribe(this::onReaderEvent);

        Button testPageButton = button("test-page", "settings.testPage");
        testPageButton.setOnAction(e -> {
            testPage.run();
            refresh();
        });
        Button voiceButton = button("test-voice", "settings.testVoice");
        voiceButton.setOnAction(e -> voice.say(new VoicePrompt.Quoted(900, 300)));
        Button language = button("toggle-language", "settings.language");
        language.setOnAction(e -> {
            text.toggle();
            refresh();
        });
        Button backButton = button("settings-back", "common.back");
        backButton.setOnAction(e -> back.run());
        getChildren().addAll(title, grid, new HBox(12, testPageButton, voiceButton, language, backButton));
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        return l;
    }

    private Button button(String id, String key) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(text.bind(key));
        return b;
    }

    private void onReaderEvent(ReaderEvent event) {
        String what;
        if (event instanceof IdentificationEvent.CardTapped tap) {
            what = text.get("settings.reader.card", event.source(), tap.uid());
        } else if (event instanceof IdentificationEvent.QrScanned scan) {
            what = text.get("settings.reader.qr", event.source(), scan.payload().length());
        } else {
            what = event.source() + ": " + event.getClass().getSimpleName();
        }
        Platform.runLater(() -> {
            reader.textProperty().unbind();
            reader.setText(what);
        });
    }

    /** Reads the till's status off the FX thread and shows it. */
    public void refresh() {
        printerState.setText(new PrintStatusText(text.locale()).headline(printer.status()) + " · " + printer.jobs().size()
                + " " + text.get("settings.printer.jobs"));
        CompletableFuture.supplyAsync(status, background).thenAccept(s -> Platform.runLater(() -> {
            policy.setText(s.policy());
            cache.setText(text.get("settings.cache.value", s.elders(), s.cards()));
            journal.setText(text.get("settings.journal.value", s.lastSeq(), s.journalFile()));
            sync.setText(text.get("settings.sync.value", s.waitingToSync(), s.lastSync()
                    .map(t -> DateTimeFormatter.ofPattern("MM-dd HH:mm").format(t.atZone(zone)))
                    .orElse(text.get("settings.sync.never"))));
        }));
    }
}
