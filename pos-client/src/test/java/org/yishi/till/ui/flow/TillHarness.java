package org.yishi.till.ui.flow;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.SignedRecord;
import org.yishi.core.time.ManualClock;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Till;
import org.yishi.till.ui.Launcher;
import org.yishi.till.ui.TillUi;
import org.yishi.till.ui.TillUiOptions;
import org.yishi.till.ui.shell.FontChoice;
import org.yishi.till.ui.shell.Theme;
import org.yishi.till.ui.shell.UiText;
import org.yishi.till.voice.VoicePrompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A real demo till (H2, journal, staff, print queue) under the real JavaFX windows, for the flow tests. The demo
 * registry and QR key are made once per JVM and copied into each test's own directory, so every test starts with
 * an empty journal and no open shift.
 */
final class TillHarness implements AutoCloseable {

    static final String CASHIER = "1001";
    static final String CASHIER_PIN = "1234";
    static final String SUPERVISOR = "2001";
    static final String SUPERVISOR_PIN = "9999";
    static final Path POLICIES = Path.of("..", "policies");

    private static Path template;

    final Path dir;
    final ManualClock clock;
    final Till till;
    final TillUi ui;
    final List<VoicePrompt> said;
    final List<DemoTill.Customer> customers;

    private TillHarness(Path dir, ManualClock clock, Till till, TillUi ui, List<DemoTill.Customer> customers,
            List<VoicePrompt> said) {
        this.said = said;
        this.dir = dir;
        this.clock = clock;
        this.till = till;
        this.ui = ui;
        this.customers = customers;
    }

    static synchronized Path template() throws IOException {
        if (template == null) {
            template = Files.createTempDirectory("yishi-ui-template");
            try (Till t = DemoTill.open(template, POLICIES, lunchtime(), "zh", PrinterTarget.parse("screen:"))) {
                // made: registry/, keys/, till/
            }
        }
        return template;
    }

    static ManualClock lunchtime() {
        ZonedDateTime noon = ZonedDateTime.of(LocalDate.now(DemoTill.ZONE), LocalTime.of(11, 30), DemoTill.ZONE);
        return new ManualClock(noon.toInstant(), DemoTill.ZONE);
    }

    /** Opens a fresh demo till and shows its windows in {@code stage}; call from {@code @Start}. */
    static TillHarness start(Stage stage, String printer) {
        try {
            Path dir = Files.createTempDirectory("yishi-ui-flow");
            copy(template().resolve("registry"), dir.resolve("registry"));
            copy(template().resolve("keys"), dir.resolve("keys"));
            ManualClock clock = lunchtime();
            Till till = DemoTill.open(dir, POLICIES, clock, "zh", PrinterTarget.parse(printer));
            List<DemoTill.Customer> customers = DemoTill.customers(dir, till);
            List<VoicePrompt> said = new CopyOnWriteArrayList<>();
            UiText text = UiText.forLanguage("zh");
            Theme theme = new Theme(FontChoice.installed());
            theme.installUserAgent();
            TillUiOptions options = new TillUiOptions(text, theme, said::add, clock, Launcher.demoCards(customers),
                    till.screenPrinter().map(screen -> feed -> screen.onReceipt(feed::accept)), true);
            TillUi ui = new TillUi(till, options);
            ui.start(stage);
            return new TillHarness(dir, clock, till, ui, customers, said);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    DemoTill.Customer customer(String why) {
        return customers.stream().filter(c -> c.why().equals(why)).findFirst()
                .orElseThrow(() -> new AssertionError("the demo queue has no " + why + " customer"));
    }

    List<SignedRecord> journal() {
        return JournalReader.readAll(Path.of(till.status().journalFile()));
    }

    // ---- driving the screens

    static void login(FxRobot robot, String staffNo, String pin) {
        robot.clickOn("#login-staff").write(staffNo);
        robot.clickOn("#login-pin").write(pin);
        robot.clickOn("#login-submit");
        WaitForAsyncUtils.waitForFxEvents();
        if (robot.lookup("#login-screen").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)
                && robot.lookup("#login-screen").query().getScene() != null) {
            throw new AssertionError("still at the login screen: " + text(robot, "#login-message")
                    + " (staff field '" + text(robot, "#login-staff") + "')");
        }
    }

    static void openShift(FxRobot robot, String yuan) {
        robot.clickOn("#float-amount").write(yuan);
        robot.clickOn("#shift-open");
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void approve(FxRobot robot, String supervisor, String pin) {
        robot.clickOn("#approval-staff").write(supervisor);
        robot.clickOn("#approval-pin").write(pin);
        robot.clickOn("#approval-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the history view's reprint, void or refund (run in the background) has finished and shown its result. */
    static void awaitHistory(org.yishi.till.ui.sell.HistoryView history) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> !WaitForAsyncUtils.asyncFx(() -> history.busyProperty().get()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        if (node instanceof TextInputControl input) {
            return input.getText();
        }
        throw new AssertionError(query + " is a " + node.getClass().getSimpleName());
    }

    @Override
    public void close() {
        Platform.runLater(ui::close);
        WaitForAsyncUtils.waitForFxEvents();
        till.close();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A temp directory left behind is not a test failure.
        }
    }
}
