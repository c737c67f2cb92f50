package org.yishi.till.ui.display;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * What the elder sees across the counter, in very large high-contrast type: a greeting with the masked name, the
 * price, the subsidy and the amount to pay; after payment, thanks and a three-button rating (满意 / 一般 /
 * 不满意) that can be skipped. A refused card shows only "please ask at the counter": the reason is for the
 * cashier, not for the queue. Lives in its own window ({@link CustomerWindow}). Ids: {@code cd-greeting},
 * {@code cd-price}, {@code cd-subsidy}, {@code cd-pay}, {@code cd-thanks}, {@code rate-3}, {@code rate-2},
 * {@code rate-1}, {@code rate-skip}.
 */
public final class CustomerDisplay extends VBox {

    private final UiText text;
    private final Label greeting = label("cd-greeting", "customer-greeting");
    private final Label price = label("cd-price", "customer-line");
    private final Label subsidy = label("cd-subsidy", "customer-line");
    private final Label pay = label("cd-pay", "customer-pay");
    private final Label thanks = label("cd-thanks", "customer-greeting");
    private final HBox rating;
    private IntConsumer onRated = score -> { };
    /** Draws what is on show again; run on a language switch so the elder's screen follows the cashier's. */
    private Runnable redraw = () -> { };

    public CustomerDisplay(UiText text) {
        this.text = Objects.requireNonNull(text, "text");
        setId("customer-display");
        getStyleClass().add("customer-display");
        setAlignment(Pos.CENTER);
        rating = new HBox(24, rate(3, "rating.good"), rate(2, "rating.ok"), rate(1, "rating.bad"));
        rating.setAlignment(Pos.CENTER);
        Button skip = new Button();
        skip.setId("rate-skip");
        skip.textProperty().bind(text.bind("rating.skip"));
        skip.setOnAction(e -> idle());
        rating.getChildren().add(skip);
        idle();
        text.localeProperty().addListener((o, old, now) -> redraw.run());
    }

    private Button rate(int score, String key) {
        Button b = new Button();
        b.setId("rate-" + score);
        b.getStyleClass().add("rating-button");
        b.textProperty().bind(text.bind(key));
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            onRated.accept(score);
            redraw = () -> {
                thanks.setText(text.get("customer.ratedThanks"));
                getChildren().setAll(thanks);
            };
            redraw.run();
        });
        return b;
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    /** Between customers: a welcome and where to tap. */
    public void idle() {
        redraw = this::idle;
        greeting.setText(text.get("customer.welcome"));
        getChildren().setAll(greeting);
    }

    public void quote(CheckoutStep.Ready ready) {
        redraw = () -> quote(ready);
        greeting.setText(ready.elder().map(e -> text.get("customer.greeting", e.maskedName()))
                .orElse(text.get("customer.greeting.walkIn")));
        price.setText(text.get("customer.price", Money.yuan(ready.quote().priceFen())));
        subsidy.setText(text.get("customer.subsidy", Money.yuan(ready.quote().subsidyFen())));
        pay.setText(text.get("customer.pay", Money.yuan(ready.quote().copayFen())));
        getChildren().setAll(greeting, price, subsidy, pay);
    }

    /** A refused identity: no reason in public, only where to go. */
    public void refused() {
        redraw = this::refused;
        greeting.setText(text.get("customer.seeCounter"));
        greeting.getStyleClass().add("customer-refusal");
        getChildren().setAll(greeting);
        greeting.getStyleClass().remove("customer-refusal");
    }

    /** Paid: thanks, change if any, and the rating buttons; {@code rated} records a press (1..3). */
    public void paid(long changeFen, IntConsumer rated) {
        this.onRated = Objects.requireNonNull(rated, "rated");
        redraw = () -> paid(changeFen, rated);
        thanks.setText(changeFen > 0 ? text.get("customer.thanksChange", Money.yuan(changeFen)) : text.get("customer.thanks"));
        Label ask = label("cd-rate-ask", "customer-line");
        ask.setText(text.get("customer.rateAsk"));
        getChildren().setAll(thanks, ask, rating);
    }

    /** The amount-to-pay line as shown (tests and screenshots). */
    public String amountShown() {
        return getChildren().contains(pay) ? pay.getText() : "";
    }
}
