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
    private final Button confirm = new Button();
    private final VBox side = new VBox(12);
    private final EventHandler<KeyEvent> keys = this::onKey;
    private CheckoutStep.Ready ready;
    private Optional<SaleResult> lastSale = Optional.empty();
    private Subscription subscription = () -> { };
    private Runnable onSale = () -> { };

    public SellScreen(UiText text, CheckoutCounter counter, CustomerDisplay customer, Voice voice) {
        this.text = Objects.requireNonNull(text, "text");
        this.counter = Objects.requireNonNull(counter, "counter");
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
        cancel.setOnAction(e -> reset());
        cancel.setFocusTraversable(false);
        message.setId("sell-message");
        message.setWrapText(true);
        message.getStyleClass().add("amount");

        side.getChildren().addAll(new HBox(16, payCash, payOther), cashBox, otherBox, confirm, cancel, message);
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
                    show(counter.identify((IdentificationEvent) event));
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
        if (ready == null) {
            return;
        }
        show(counter.changeItems(ready, List.of(item)));
    }

    private void onKey(KeyEvent e) {
        if (getParent() == null) {
            return; // another screen is showing
        }
        if (e.getCode() == KeyCode.ENTER && ready != null) {
            confirmSale();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            reset();
            e.consume();
        }
    }

    /** Shows what the checkout answered; the customer display and the voice follow. */
    public void show(CheckoutStep step) {
        message.setText("");
        message.getStyleClass().removeAll("ok-text", "refused-text", "warn-text");
        if (step instanceof CheckoutStep.Ready r) {
            ready = r;
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
            ready = null;
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
        if (ready == null) {
            change.setText("");
            return;
        }
        long given = Money.parseFen(tendered.getText());
        long copay = ready.quote().copayFen();
        change.setText(given >= copay ? text.get("pay.change", Money.yuan(given - copay)) : "");
    }

    /** Takes the payment for the bill on screen: Enter or the big button. */
    public void confirmSale() {
        if (ready == null) {
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
            long copay = ready.quote().copayFen();
            long given = tendered.getText().isBlank() ? copay : Money.parseFen(tendered.getText());
            if (given < copay) {
                fail(given < 0 ? text.get("pay.tenderedInvalid") : text.get("pay.tenderedShort", Money.yuan(copay)));
                tendered.requestFocus();
                return;
            }
            payment = new Payment.Cash(given);
        }
        SaleResult sale;
        try {
            sale = counter.confirm(ready, payment);
        } catch (IllegalStateException | IllegalArgumentException refused) {
            fail(refused.getMessage());
            return;
        }
        lastSale = Optional.of(sale);
        ready = null;
        confirm.setDisable(true);
        elderPanel.showWaiting();
        markMenu(List.of());
        tendered.clear();
        otherReference.clear();
        payCash.setSelected(true);
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
        onSale.run();
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

    /** Drops the bill on screen (Esc): nothing is recorded. */
    public void reset() {
        ready = null;
        confirm.setDisable(true);
        elderPanel.showWaiting();
        customer.idle();
        markMenu(List.of());
        message.setText("");
    }

    public Optional<SaleResult> lastSale() {
        return lastSale;
    }

    public Optional<CheckoutStep.Ready> ready() {
        return Optional.ofNullable(ready);
    }

    public void stop() {
        subscription.close();
    }
}
