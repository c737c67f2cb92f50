package org.yishi.till.ui.sell;

import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.cardreader.event.IdentificationEvent;
import org.yishi.cardreader.event.ReaderEvent;
import org.yishi.cardreader.event.ReaderEventStream;
import org.yishi.cardreader.event.Subscription;
import org.yishi.core.canteen.MenuItem;
import org.yishi.core.subsidy.RefusalReason;
import org.yishi.receipts.print.Admission;
import org.yishi.till.checkout.CheckoutCounter;
import org.yishi.till.checkout.CheckoutDesk;
import org.yishi.till.checkout.ConfirmOutcome;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.Payment;
import org.yishi.till.checkout.SaleResult;
import org.yishi.till.ui.display.CustomerDisplay;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;
import org.yishi.till.voice.Voice;
import org.yishi.till.voice.VoicePrompt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The main screen: menu of the current slot as large buttons, the elder panel with the bill, and payment. The
 * usual elder is one tap and one key: the card is tapped, the default set meal is quoted, Enter (or the big
 * confirm button) takes the copayment in cash. Checkout calls run on the FX thread (the counter is single-threaded
 * by design and local: the journal fsync and an indexed look-up, no network, no printer wait).
 *
 * <p>Ids: {@code menu-<item id>}, {@code confirm}, {@code pay-cash}, {@code pay-other}, {@code cash-tendered},
 * {@code other-method}, {@code other-reference}, {@code sell-message}, {@code walk-in}, {@code cancel-sale}.
 */
public final class SellScreen extends BorderPane {

    private final UiText text;
    private final CheckoutDesk desk;
    private final CheckoutCounter counter;
    private final CustomerDisplay customer;
    private final Voice voice;
    private final ElderPanel elderPanel;
    private final FlowPane menu = new FlowPane(10, 10);
    private final ToggleGroup payGroup = new ToggleGroup();
    private final RadioButton payCash = new RadioButton();
    private final RadioButton payOther = new RadioButton();
    private final TextField tendered = new TextField();
    private final ComboBox<String> otherMethod = new ComboBox<>();
    private final TextField otherReference = new TextField();
    private final Label change = new Label();
    private final Label message = new Label();
    private final Label next = new Label();
    private final Button confirm = new Button();
    private final VBox side = new VBox(12);
    private final EventHandler<KeyEvent> keys = this::onKey;
    private Optional<SaleResult> lastSale = Optional.empty();
    private Subscription subscription = () -> { };
    private Runnable onSale = () -> { };

    public SellScreen(UiText text, CheckoutDesk desk, CustomerDisplay customer, Voice voice) {
        this.text = Objects.requireNonNull(text, "text");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.counter = desk.counter();
        this.customer = Objects.requireNonNull(customer, "customer");
        this.voice = Objects.requireNonNull(voice, "voice");
        this.elderPanel = new ElderPanel(text);
        setId("sell-screen");
        setPadding(new Insets(12));

        menu.setId("menu");
        menu.setPrefWrapLength(400);
        Label menuTitle = new Label();
        menuTitle.getStyleClass().add("screen-title");
        menuTitle.textProperty().bind(text.compute(() -> counter.currentSlot()
                .map(s -> text.get("sell.menu.slot", s.name())).orElse(text.get("sell.menu.noSlot"))));
        VBox left = new VBox(10, menuTitle, menu);
        left.setPrefWidth(420);

        payCash.setId("pay-cash");
        payCash.textProperty().bind(text.bind("pay.cash"));
        payCash.setToggleGroup(payGroup);
        payCash.setSelected(true);
        payOther.setId("pay-other");
        payOther.textProperty().bind(text.bind("pay.other"));
        payOther.setToggleGroup(payGroup);
        tendered.setId("cash-tendered");
        tendered.promptTextProperty().bind(text.bind("pay.tendered"));
        tendered.textProperty().addListener((o, a, b) -> updateChange());
        change.setId("cash-change");
        change.getStyleClass().add("amount");
        otherMethod.setId("other-method");
        otherMethod.getItems().addAll("wechat", "alipay", "unionpay", "other");
        otherMethod.getSelectionModel().selectFirst();
        otherReference.setId("other-reference");
        otherReference.promptTextProperty().bind(text.bind("pay.reference"));
        VBox cashBox = new VBox(6, tendered, change);
        cashBox.visibleProperty().bind(payCash.selectedProperty());
        cashBox.managedProperty().bind(payCash.selectedProperty());
        VBox otherBox = new VBox(6, otherMethod, otherReference);
        otherBox.visibleProperty().bind(payOther.selectedProperty());
        otherBox.managedProperty().bind(payOther.selectedProperty());

        confirm.setId("confirm");
        confirm.getStyleClass().addAll("confirm-button", "success");
        confirm.setMaxWidth(Double.MAX_VALUE);
        confirm.textProperty().bind(text.bind("sell.confirm"));
        confirm.setOnAction(e -> confirmSale());
        confirm.setDisable(true);
        Button cancel = new Button();
        cancel.setId("cancel-sale");
        cancel.textProperty().bind(text.bind("sell.cancel"));
        cancel.setOnAction(e -> cancelBill());
        cancel.setFocusTraversable(false);
        message.setId("sell-message");
        message.setWrapText(true);
        message.getStyleClass().add("amount");
        next.setId("sell-next");
        next.setWrapText(true);
        next.getStyleClass().add("warn-text");

        side.getChildren().addAll(new HBox(16, payCash, payOther), cashBox, otherBox, confirm, cancel, message, next);
        side.setPrefWidth(340);
        setLeft(left);
        setCenter(elderPanel);
        BorderPane.setMargin(elderPanel, new Insets(0, 12, 0, 12));
        setRight(side);
        BorderPane.setAlignment(side, Pos.TOP_CENTER);

        // Enter and Esc work wherever the focus is in the window (menu buttons and the card panel take none).
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
        refreshMenu();
    }

    /** Hears card taps and QR scans from every reader (real or simulated); returns quickly to the device thread. */
    public void listen(ReaderEventStream readers) {
        subscription.close();
        subscription = readers.subscribe(this::onReaderEvent);
    }

    private void onReaderEvent(ReaderEvent event) {
        if (event instanceof IdentificationEvent.CardTapped || event instanceof IdentificationEvent.QrScanned) {
            Platform.runLater(() -> {
                if (isVisibleOnScreen()) {
                    show(desk.identify((IdentificationEvent) event));
                }
            });
        }
    }

    private boolean isVisibleOnScreen() {
        return getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()
                && getScene().getRoot() != null && isVisible() && !isDisabled();
    }

    /** Called after every sale (history, status bar). */
    public void setOnSale(Runnable action) {
        this.onSale = action == null ? () -> { } : action;
    }

    /** Reloads the menu buttons (slot changed, screen shown). */
    public void refreshMenu() {
        menu.getChildren().clear();
        ToggleGroup group = new ToggleGroup();
        for (MenuItem item : counter.menu()) {
            ToggleButton b = new ToggleButton(item.name() + "\n" + Money.yuan(item.priceFen()));
            b.setId("menu-" + item.id());
            b.setUserData(item);
            b.getStyleClass().add("menu-item-button");
            b.setToggleGroup(group);
            b.setFocusTraversable(false);
            b.setOnAction(e -> chooseItem(item));
            menu.getChildren().add(b);
        }
    }

    private void chooseItem(MenuItem item) {
        if (desk.bill().isEmpty()) {
            return;
        }
        show(desk.changeItems(List.of(item)));
    }

    /** A customer without a card (the walk-in button): a full-price bill, or waiting behind the open one. */
    public void walkIn() {
        show(desk.walkIn());
    }

    /** A forgotten card found and approved: the elder's bill, or waiting behind the open one. */
    public void identifyManually(String elderId, org.yishi.till.staff.Approval approval) {
        show(desk.identifyManually(elderId, approval));
    }

    private void onKey(KeyEvent e) {
        if (getParent() == null) {
            return; // another screen is showing
        }
        if (e.getCode() == KeyCode.ENTER && desk.bill().isPresent()) {
            confirmSale();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            cancelBill();
            e.consume();
        }
    }

    /** Shows what the checkout answered; the customer display and the voice follow. */
    public void show(CheckoutStep step) {
        if (step instanceof CheckoutStep.Waiting waiting) {
            // The open bill stays, and so does the customer display: the next elder's amounts are not shown yet.
            next.setText(waiting.next());
            return;
        }
        next.setText(desk.waiting().orElse(""));
        message.setText("");
        message.getStyleClass().removeAll("ok-text", "refused-text", "warn-text");
        if (step instanceof CheckoutStep.Ready r) {
            elderPanel.showReady(r);
            customer.quote(r);
            markMenu(r.items());
            tendered.clear();
            updateChange();
            confirm.setDisable(false);
            boolean limit = r.quote().refusal().map(x -> x.reason() == RefusalReason.LIMIT_REACHED).orElse(false);
            voice.say(limit ? new VoicePrompt.LimitReached()
                    : new VoicePrompt.Quoted(r.quote().subsidyFen(), r.quote().copayFen()));
        } else if (step instanceof CheckoutStep.Refused refused) {
            elderPanel.showRefused(refused);
            customer.refused();
            confirm.setDisable(true);
            boolean lost = refused.code().equals("card_lost") || refused.code().equals("card_revoked");
            voice.say(lost ? new VoicePrompt.CardLost() : new VoicePrompt.SeeCounter());
        }
        confirm.requestFocus();
    }

    private void markMenu(List<MenuItem> items) {
        menu.getChildren().forEach(n -> {
            if (n instanceof ToggleButton b) {
                b.setSelected(items.contains((MenuItem) b.getUserData()));
            }
        });
    }

    private void updateChange() {
        if (desk.bill().isEmpty()) {
            change.setText("");
            return;
        }
        long given = Money.parseFen(tendered.getText());
        long copay = desk.bill().get().quote().copayFen();
        change.setText(given >= copay ? text.get("pay.change", Money.yuan(given - copay)) : "");
    }

    /** Takes the payment for the bill on screen: Enter or the big button. */
    public void confirmSale() {
        Optional<CheckoutStep.Ready> bill = desk.bill();
        if (bill.isEmpty()) {
            return;
        }
        Payment payment;
        if (payOther.isSelected()) {
            try {
                payment = new Payment.Other(otherMethod.getValue(), otherReference.getText().trim());
            } catch (IllegalArgumentException bad) {
                fail(text.get("pay.referenceInvalid"));
                otherReference.requestFocus();
                return;
            }
        } else {
            long copay = bill.get().quote().copayFen();
            long given = tendered.getText().isBlank() ? copay : Money.parseFen(tendered.getText());
            if (given < copay) {
                fail(given < 0 ? text.get("pay.tenderedInvalid") : text.get("pay.tenderedShort", Money.yuan(copay)));
                tendered.requestFocus();
                return;
            }
            payment = new Payment.Cash(given);
        }
        CheckoutDesk.Confirmed confirmed = desk.confirm(payment);
        ConfirmOutcome outcome = confirmed.outcome();
        if (outcome instanceof ConfirmOutcome.Refused refused) {
            fail(refused.message());
            return;
        }
        if (outcome instanceof ConfirmOutcome.Requoted requoted) {
            show(requoted.bill());
            warn(text.get("sell.requoted", Money.yuan(requoted.bill().quote().copayFen())));
            return;
        }
        clearBill();
        if (outcome instanceof ConfirmOutcome.Sold sold) {
            sold(sold.sale());
        } else if (outcome instanceof ConfirmOutcome.NotRecorded not) {
            customer.idle();
            fail(not.message());
        } else if (outcome instanceof ConfirmOutcome.Unresolved unresolved) {
            customer.idle();
            fail(unresolved.message());
        }
        onSale.run();
        String said = message.getText();
        confirmed.next().ifPresent(step -> {
            show(step);
            message.setText(said);
        });
    }

    private void sold(SaleResult sale) {
        lastSale = Optional.of(sale);
        long seq = sale.seq();
        customer.paid(sale.changeFen(), score -> counter.rate(seq, score));
        voice.say(new VoicePrompt.Thanks());
        String done = text.get("sell.done", sale.receiptNo(), Money.yuan(sale.copayFen()), Money.yuan(sale.changeFen()));
        if (sale.printing() != Admission.ACCEPTED) {
            message.getStyleClass().add("warn-text");
            done += "\n" + text.get("sell.notPrinted");
        } else {
            message.getStyleClass().add("ok-text");
        }
        message.setText(done);
    }

    /** The bill is done or dropped: the panel waits for the next customer. */
    private void clearBill() {
        confirm.setDisable(true);
        elderPanel.showWaiting();
        markMenu(List.of());
        tendered.clear();
        otherReference.clear();
        payCash.setSelected(true);
        next.setText(desk.waiting().orElse(""));
        message.getStyleClass().removeAll("ok-text", "refused-text", "warn-text");
        message.setText("");
    }

    private void warn(String what) {
        message.getStyleClass().removeAll("ok-text", "refused-text", "warn-text");
        message.getStyleClass().add("warn-text");
        message.setText(what);
    }

    /** A line for the cashier under the payment (e.g. the no-sale drawer was opened): green when ok, amber not. */
    public void note(String what, boolean ok) {
        message.getStyleClass().removeAll("ok-text", "refused-text", "warn-text");
        message.getStyleClass().add(ok ? "ok-text" : "warn-text");
        message.setText(what);
    }

    private void fail(String why) {
        message.getStyleClass().removeAll("ok-text", "warn-text");
        message.getStyleClass().add("refused-text");
        message.setText(why);
    }

    /** Drops the bill on screen (Esc, the cancel button): nothing is recorded; the waiting customer comes up. */
    public void cancelBill() {
        Optional<CheckoutStep> nextStep = desk.cancel();
        clearBill();
        customer.idle();
        nextStep.ifPresent(this::show);
    }

    /** Drops the bill and whoever waits (logout, lock-out): nothing is recorded. */
    public void reset() {
        desk.clear();
        clearBill();
        customer.idle();
    }

    public Optional<SaleResult> lastSale() {
        return lastSale;
    }

    public Optional<CheckoutStep.Ready> ready() {
        return desk.bill();
    }

    public void stop() {
        subscription.close();
    }
}
