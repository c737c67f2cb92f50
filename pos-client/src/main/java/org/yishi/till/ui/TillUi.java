package org.yishi.till.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.yishi.till.checkout.Till;
import org.yishi.till.checkout.TillStatus;
import org.yishi.till.staff.Staff;
import org.yishi.till.ui.display.CustomerDisplay;
import org.yishi.till.ui.display.CustomerWindow;
import org.yishi.till.ui.display.SideBySide;
import org.yishi.till.ui.login.ApprovalDialog;
import org.yishi.till.ui.login.LockScreen;
import org.yishi.till.ui.login.LoginScreen;
import org.yishi.till.ui.receipt.ReceiptPreviewPane;
import org.yishi.till.ui.sell.HistoryView;
import org.yishi.till.ui.sell.ManualIdentificationView;
import org.yishi.till.ui.sell.SellScreen;
import org.yishi.till.ui.sell.SimulatedCardPanel;
import org.yishi.till.ui.settings.SettingsScreen;
import org.yishi.till.ui.shell.StatusBar;
import org.yishi.till.ui.shift.ShiftCloseScreen;
import org.yishi.till.ui.shift.ShiftOpenScreen;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.yishi.receipts.content.TestPage;
import org.yishi.receipts.escpos.DrawerKick;
import org.yishi.receipts.print.Admission;
import org.yishi.till.staff.Approval;
import org.yishi.till.staff.ApprovalUse;
import org.yishi.till.staff.ApprovalAction;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The till's windows over one running {@link Till}: the cashier's window (login → shift open → sell, with
 * history, manual identification, shift close and settings), the customer display, the status bar, and the idle
 * lock. Everything it does goes through the Till and what the Till hands out.
 *
 * <p>Top bar button ids: {@code nav-walk-in}, {@code nav-manual}, {@code nav-history}, {@code nav-close-shift},
 * {@code nav-settings}, {@code nav-drawer} (no-sale drawer), {@code nav-lock}, {@code nav-language},
 * {@code nav-logout}.
 */
public final class TillUi implements AutoCloseable {

    private final Till till;
    private final TillUiOptions options;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "till-ui-background");
        t.setDaemon(true);
        return t;
    });
    private final BorderPane root = new BorderPane();
    private final CustomerDisplay customer;
    private final StatusBar statusBar;
    private final ApprovalDialog approvals;
    private final HBox topBar = new HBox(8);
    private final VBox devicePane = new VBox(12);
    private Stage stage;
    private Stage devices;
    private CustomerWindow customerWindow;
    private LoginScreen login;
    private LockScreen lockScreen;
    private ShiftOpenScreen shiftOpen;
    private Button clockButton;
    private SellScreen sell;
    private HistoryView history;
    private ManualIdentificationView manual;
    private ShiftCloseScreen shiftClose;
    private SettingsScreen settings;
    private Node beforeLock;
    private Instant lastInput;
    private Timeline housekeeping;

    public TillUi(Till till, TillUiOptions options) {
        this.till = Objects.requireNonNull(till, "till");
        this.options = Objects.requireNonNull(options, "options");
        this.customer = new CustomerDisplay(options.text());
        this.statusBar = new StatusBar(options.text(), options.clock(), till.tillId(), till.canteen().name());
        this.approvals = new ApprovalDialog(options.text(), options.theme(), till.staff(), till.setup().zone());
    }

    /** Builds the screens into {@code primary} and shows it with the customer display; FX thread. */
    public void start(Stage primary) {
        this.stage = primary;
        var text = options.text();
        stage.titleProperty().bind(text.bind("app.title", till.tillId()));
        login = new LoginScreen(text, till.staff(), till.setup().zone(), till.canteen().name(), this::loggedIn);
        lockScreen = new LockScreen(text, till.staff(), till.setup().zone(), s -> unlocked(), () -> {
            beforeLock = null;
            sell.reset(); // locked out: logged out, and the bill goes with the session
            showLogin();
        });
        shiftOpen = new ShiftOpenScreen(text, till.shifts(), shiftNo -> showSell());
        sell = new SellScreen(text, till.desk(), customer, options.voice());
        sell.listen(till.readers());
        history = new HistoryView(text, till.counter(), till.printer(), approvals, background, this::showSell);
        manual = new ManualIdentificationView(text, till.counter(), approvals, (elderId, approval) -> {
            showSell();
            sell.identifyManually(elderId, approval);
        }, this::showSell);
        shiftClose = new ShiftCloseScreen(text, till.shifts(), till::closeShift, approvals, this::showSell, closed -> {
            sell.reset(); // the next cashier starts with no bill and nobody waiting
            till.staff().logout();
            showLogin();
        });
        settings = new SettingsScreen(text, till::status, till.readers(), till.printer(), this::printTestPage,
                options.voice(), options.theme().font(), background, till.setup().zone(), this::back);

        buildTopBar();
        buildDevicePane();
        statusBar.follow(till.readers());
        if (!options.demoCards().isEmpty()) {
            statusBar.readerProperty().set(StatusBar.ReaderState.SIMULATED);
        }
        statusBar.follow(till.printer());
        root.setBottom(statusBar);
        Scene scene = new Scene(root, 1280, 800);
        options.theme().style(scene);
        scene.addEventFilter(InputEvent.ANY, e -> lastInput = options.clock().instant());
        lastInput = options.clock().instant();
        stage.setScene(scene);
        showLogin();
        if (options.customerWindow() && javafx.stage.Screen.getScreens().size() == 1) {
            // One screen: the till's window at the left edge, the customer display and demo devices beside it.
            stage.setX(javafx.stage.Screen.getPrimary().getVisualBounds().getMinX());
            stage.setY(javafx.stage.Screen.getPrimary().getVisualBounds().getMinY());
        }
        stage.show();
        if (options.customerWindow()) {
            customerWindow = new CustomerWindow(text, options.theme(), customer, stage);
            customerWindow.show();
            giveKeysBackToCashier(customerWindow.stage().getScene());
        }
        if (!devicePane.getChildren().isEmpty()) {
            // Stand-ins for the card reader and the printer: a window of their own, as the real devices are.
            devices = new Stage();
            devices.initOwner(stage);
            devices.titleProperty().bind(text.bind("devices.title"));
            Scene deviceScene = new Scene(devicePane, 380, 760);
            options.theme().style(deviceScene);
            devices.setScene(deviceScene);
            SideBySide.placeRightOf(devices, customerWindow != null ? customerWindow.stage() : stage, 380);
            devices.show();
            giveKeysBackToCashier(deviceScene);
        }
        // The cashier types; the elder only taps rating buttons: keyboard focus belongs to the cashier's window.
        stage.requestFocus();
        housekeeping = new Timeline(new KeyFrame(Duration.seconds(5), e -> housekeeping()));
        housekeeping.setCycleCount(Timeline.INDEFINITE);
        housekeeping.play();
        housekeeping();
    }

    private void buildTopBar() {
        var text = options.text();
        topBar.setPadding(new Insets(8, 12, 8, 12));
        Button walkIn = nav("nav-walk-in", "nav.walkIn", () -> {
            showSell();
            sell.walkIn();
        });
        Button manualButton = nav("nav-manual", "nav.manual", () -> {
            manual.clear();
            show(manual, false);
        });
        Button historyButton = nav("nav-history", "nav.history", () -> {
            history.refresh();
            show(history, false);
        });
        Button close = nav("nav-close-shift", "nav.closeShift", () -> {
            shiftClose.reset();
            show(shiftClose, false);
        });
        Button settingsButton = nav("nav-settings", "nav.settings", () -> {
            settings.refresh();
            show(settings, false);
        });
        Button drawer = nav("nav-drawer", "nav.drawer", this::openDrawerWithoutSale);
        clockButton = nav("nav-confirm-clock", "nav.confirmClock", this::confirmClock);
        clockButton.getStyleClass().add("danger");
        showClockButton(false);
        Button lock = nav("nav-lock", "nav.lock", this::lock);
        Button language = nav("nav-language", "nav.language", text::toggle);
        Button logout = nav("nav-logout", "nav.logout", () -> {
            sell.reset(); // the next cashier starts with no bill and nobody waiting
            till.staff().logout();
            showLogin();
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        topBar.getChildren().addAll(walkIn, manualButton, historyButton, close, settingsButton, drawer, clockButton, gap, language,
                lock, logout);
    }

    /**
     * A tap on the customer display or a simulated device must not take the keyboard from the cashier: the next
     * Enter still confirms the sale.
     */
    private void giveKeysBackToCashier(Scene other) {
        other.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(stage::requestFocus));
    }

    private Button nav(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(options.text().bind(key));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void buildDevicePane() {
        devicePane.setPadding(new Insets(12));
        devicePane.setPrefWidth(380);
        if (!options.demoCards().isEmpty()) {
            devicePane.getChildren().add(new SimulatedCardPanel(options.text(), options.demoCards(), till.readers(),
                    options.clock()));
        }
        options.screenReceipts().ifPresent(feed -> {
            ReceiptPreviewPane preview = new ReceiptPreviewPane(options.text());
            feed.accept(preview::show);
            devicePane.getChildren().add(preview);
        });
    }

    private void loggedIn(Staff staff) {
        statusBar.staffProperty().set(staff.name() + " (" + staff.staffNo() + ")");
        if (till.shifts().openShiftNo().isPresent()) {
            showSell();
        } else {
            show(shiftOpen, false);
            root.setTop(null);
            shiftOpen.focusAmount();
        }
    }

    private void unlocked() {
        show(beforeLock == null ? sell : beforeLock, beforeLock == sell || beforeLock == null);
        beforeLock = null;
    }

    /** Locks the till now (button, or idle); the screen underneath is kept. */
    public void lock() {
        if (till.staff().current().isEmpty() || till.staff().locked()) {
            return;
        }
        till.staff().lock();
        beforeLock = root.getCenter();
        root.setTop(null);
        root.setCenter(lockScreen);
        lockScreen.prepare();
    }

    /**
     * No-sale drawer: a supervisor approves, the opening is journalled, then the drawer is kicked through the print
     * queue (in that order, so the drawer never opens unrecorded). A cancelled or refused approval, or one the staff
     * service will not let be used, does nothing but say so.
     */
    private void openDrawerWithoutSale() {
        Optional<Approval> approval = approvals.ask(stage, ApprovalAction.NO_SALE_DRAWER, options.text().get("drawer.detail"));
        if (approval.isEmpty()) {
            return;
        }
        if (till.staff().drawerOpened(approval.get()) instanceof ApprovalUse.Refused refused) {
            // the approval is spent, expired or not this till's: the drawer stays shut, the refusal is journalled
            showSell();
            sell.note(options.text().get("drawer.refused", till.messages().approvalRefused(refused.reason())), false);
            return;
        }
        var desk = till.receipts();
        String jobId = till.tillId() + "-drawer-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .format(options.clock().instant().atZone(till.setup().zone()));
        Admission sent = desk.submit(new DrawerKick(desk.renderer().profile()).job(jobId));
        showSell();
        String supervisor = approval.get().supervisor().name();
        sell.note(sent == Admission.ACCEPTED ? options.text().get("drawer.opened", supervisor)
                : options.text().get("drawer.notSent", supervisor), sent == Admission.ACCEPTED);
    }

    /**
     * The till's clock reads earlier than its journal (set back): subsidies are stopped until a supervisor confirms
     * the time, which is journalled (docs/checkout.md, "Clock and zone").
     */
    private void confirmClock() {
        Optional<String> why = till.counter().clockRefusal().map(r -> r.detail());
        if (why.isEmpty()) {
            showClockButton(false);
            return;
        }
        Optional<Approval> approval = approvals.ask(stage, ApprovalAction.CONFIRM_CLOCK, why.get());
        if (approval.isEmpty()) {
            return;
        }
        ApprovalUse use = till.counter().confirmClock(approval.get());
        showSell();
        if (use instanceof ApprovalUse.Granted granted) {
            showClockButton(false);
            sell.note(options.text().get("clock.confirmed", granted.supervisor().name()), true);
        } else {
            sell.note(till.messages().approvalRefused(((ApprovalUse.Refused) use).reason()), false);
        }
    }

    private void showClockButton(boolean show) {
        clockButton.setVisible(show);
        clockButton.setManaged(show);
    }

    private void showLogin() {
        statusBar.staffProperty().set("");
        root.setTop(null);
        root.setCenter(login);
        customer.idle();
        login.focusFirst();
    }

    /** The sell screen with the top bar and, in demo/no-printer mode, the device pane. */
    public void showSell() {
        sell.refreshMenu();
        show(sell, true);
    }

    private void back() {
        showSell();
    }

    private void show(Node screen, boolean withDevices) {
        root.setTop(topBar);
        root.setCenter(screen);
    }

    private void printTestPage() {
        var desk = till.receipts();
        desk.submit(desk.render(new TestPage(desk.context(), desk.renderer().profile(),
                OffsetDateTime.now(options.clock()))));
    }

    /** Every few seconds: idle lock, and the sync line read off the FX thread. */
    private void housekeeping() {
        showClockButton(till.counter().clockRefusal().isPresent());
        var staff = till.staff();
        if (staff.current().isPresent() && !staff.locked()
                && java.time.Duration.between(lastInput, options.clock().instant()).compareTo(staff.idleLockAfter()) >= 0) {
            lock();
        }
        CompletableFuture.supplyAsync(till::status, background)
                .thenAccept(s -> Platform.runLater(() -> {
                    statusBar.syncProperty().set(syncLine(s));
                    statusBar.syncDetailProperty().set(s.lastError().orElse(""));
                    statusBar.syncAlertProperty().set(s.offlineAlert());
                }))
                .exceptionally(failure -> {
                    Platform.runLater(() -> statusBar.syncProperty().set(options.text().get("status.sync.unknown")));
                    return null;
                });
    }

    private String syncLine(TillStatus s) {
        var text = options.text();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String last = s.lastSync().map(t -> hhmm.format(t.atZone(till.setup().zone()))).orElse(text.get("settings.sync.never"));
        return switch (s.connection()) {
            case STAND_ALONE -> text.get("status.sync.standalone");
            case ONLINE -> text.get("status.sync.online", s.waitingToSync(), last);
            case OFFLINE -> text.get(s.offlineAlert() ? "status.sync.offlineAlert" : "status.sync.offline", s.waitingToSync(), last,
                    s.offlineSince().map(t -> hhmm.format(t.atZone(till.setup().zone()))).orElse("?"));
        };
    }

    public SellScreen sellScreen() {
        return sell;
    }

    public CustomerDisplay customerDisplay() {
        return customer;
    }

    public ShiftCloseScreen shiftCloseScreen() {
        return shiftClose;
    }

    public HistoryView historyView() {
        return history;
    }

    public Stage stage() {
        return stage;
    }

    /** The simulated devices' window (demo), if open. */
    public java.util.Optional<Stage> devicesWindow() {
        return java.util.Optional.ofNullable(devices);
    }

    public java.util.Optional<CustomerWindow> customerWindow() {
        return java.util.Optional.ofNullable(customerWindow);
    }

    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.stop();
        }
        statusBar.stop();
        if (sell != null) {
            sell.stop();
        }
        background.shutdownNow();
    }
}
