package org.yishi.till.ui.sell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.yishi.cardreader.qr.QrRefusal;
import org.yishi.core.subsidy.FunderShare;
import org.yishi.core.subsidy.Quote;
import org.yishi.till.checkout.CheckoutMessages;
import org.yishi.till.checkout.CheckoutStep;
import org.yishi.till.checkout.ElderView;
import org.yishi.till.ui.shell.Money;
import org.yishi.till.ui.shell.UiText;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The cashier's view of who is at the counter and what they pay: masked name, age, tier badge, photo place,
 * subsidised meals today, and the bill (price, subsidy — per funder on demand — and the copayment in large
 * type); or, for a refused identity, the reason and what to do. Ids: {@code elder-name}, {@code elder-age},
 * {@code elder-tier}, {@code elder-meals}, {@code quote-price}, {@code quote-subsidy}, {@code quote-copay},
 * {@code quote-funders}, {@code quote-warning}, {@code refusal-title}, {@code refusal-message}.
 *
 * <p>Every text follows a language switch, the refusal too: it is worded here from the refusal's stable code in the
 * language shown now, not taken from the message the counter made in the till's start-up language.
 */
public final class ElderPanel extends VBox {

    private final UiText text;
    private final Label name = label("elder-name", "elder-name");
    private final Label age = label("elder-age", null);
    private final Label tier = label("elder-tier", "tier-badge");
    private final Label meals = label("elder-meals", null);
    private final Label price = label("quote-price", "amount");
    private final Label subsidy = label("quote-subsidy", "amount");
    private final Label copay = label("quote-copay", "copayment");
    private final Label warning = label("quote-warning", "warn-text");
    private final Label funders = label("quote-funders", null);
    private final ToggleButton funderToggle = new ToggleButton();
    private final Label refusalTitle = label("refusal-title", "refusal-title");
    private final Label refusalMessage = label("refusal-message", null);
    private final VBox quoteBox;
    private final VBox refusalBox;
    private final Label waiting = label("elder-waiting", "screen-title");
    /** What is on show (a Ready or a Refused), redrawn in the new language on a switch; null while waiting. */
    private CheckoutStep shown;

    public ElderPanel(UiText text) {
        this.text = text;
        setId("elder-panel");
        getStyleClass().add("panel");
        setSpacing(12);
        setMinWidth(420);

        Label photo = new Label();
        photo.textProperty().bind(text.bind("elder.photo"));
        photo.getStyleClass().add("photo-placeholder");
        VBox who = new VBox(6, name, new HBox(12, age, tier), meals);
        HBox header = new HBox(16, photo, who);
        header.setAlignment(Pos.CENTER_LEFT);

        GridPane bill = new GridPane();
        bill.setHgap(16);
        bill.setVgap(6);
        bill.add(text.label("quote.price", "amount"), 0, 0);
        bill.add(price, 1, 0);
        bill.add(text.label("quote.subsidy", "amount"), 0, 1);
        bill.add(subsidy, 1, 1);
        bill.add(text.label("quote.copay", "amount"), 0, 2);
        bill.add(copay, 1, 2);
        funderToggle.setId("quote-funders-toggle");
        funderToggle.textProperty().bind(text.bind("quote.funders"));
        funderToggle.setFocusTraversable(false);
        funders.visibleProperty().bind(funderToggle.selectedProperty());
        funders.managedProperty().bind(funderToggle.selectedProperty());
        warning.setWrapText(true);
        quoteBox = new VBox(10, header, bill, warning, funderToggle, funders);

        refusalMessage.setWrapText(true);
        refusalBox = new VBox(12, refusalTitle, refusalMessage);
        refusalBox.getStyleClass().add("panel");

        waiting.textProperty().bind(text.bind("sell.waiting"));
        showWaiting();
        text.localeProperty().addListener((o, old, now) -> {
            if (shown instanceof CheckoutStep.Ready r) {
                showReady(r);
            } else if (shown instanceof CheckoutStep.Refused r) {
                showRefused(r);
            }
        });
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    /** Nobody identified yet: "请刷卡或扫码". */
    public void showWaiting() {
        shown = null;
        getChildren().setAll(waiting);
    }

    public void showReady(CheckoutStep.Ready ready) {
        shown = ready;
        Quote quote = ready.quote();
        Optional<ElderView> elder = ready.elder();
        if (elder.isPresent()) {
            ElderView e = elder.get();
            name.setText(e.maskedName());
            age.setText(text.get("elder.age", e.age()));
            tier.setText(e.categories().isEmpty() ? text.get("elder.tier.none") : String.join(" · ", e.categories()));
            meals.setText(e.mealsLeftToday().isPresent()
                    ? text.get("elder.meals.left", e.subsidisedToday(), e.mealsLeftToday().getAsInt())
                    : text.get("elder.meals", e.subsidisedToday()));
            tier.setVisible(true);
        } else {
            name.setText(text.get("sell.walkIn.name"));
            age.setText("");
            tier.setVisible(false);
            meals.setText(text.get("sell.walkIn.fullPrice"));
        }
        price.setText(Money.yuan(quote.priceFen()));
        subsidy.setText(Money.yuan(quote.subsidyFen()));
        copay.setText(Money.yuan(quote.copayFen()));
        StringBuilder shares = new StringBuilder();
        for (FunderShare share : quote.funderShares()) {
            shares.append(share.funder()).append("  ").append(Money.yuan(share.fen())).append('\n');
        }
        funders.setText(shares.toString().strip());
        funderToggle.setSelected(false);
        funderToggle.setVisible(!quote.funderShares().isEmpty());
        warning.setText(ready.walkIn() ? "" : quote.refusal().map(r -> subsidyRefusal(r.reason().name())).orElse(""));
        getStyleClass().removeAll("refusal", "refusal-discreet");
        getChildren().setAll(quoteBox);
    }

    public void showRefused(CheckoutStep.Refused refused) {
        shown = refused;
        String key = "refusal.title." + refused.code();
        refusalTitle.setText(text.has(key) ? text.get(key) : text.get("refusal.title.other"));
        StringBuilder body = new StringBuilder();
        refused.elder().ifPresent(e -> body.append(e.maskedName()).append(" · ").append(text.get("elder.age", e.age())).append('\n'));
        body.append(refusalText(refused));
        refusalMessage.setText(body.toString());
        refusalBox.getStyleClass().removeAll("refusal", "refusal-discreet");
        refusalBox.getStyleClass().add(refused.discreet() ? "refusal-discreet" : "refusal");
        getChildren().setAll(refusalBox);
    }

    /**
     * The refusal in the language on screen, from its code: {@code qr_*} codes are the QR verifier's reasons, the
     * rest the engine's or the counter's. A code no bundle knows (a newer counter) falls back to the counter's text.
     */
    private String refusalText(CheckoutStep.Refused refused) {
        CheckoutMessages words = CheckoutMessages.forLanguage(text.chinese() ? "zh" : "en");
        String code = refused.code();
        try {
            if (code.startsWith("qr_")) {
                return words.qrRefusal(QrRefusal.valueOf(code.substring(3).toUpperCase(Locale.ROOT)));
            }
            return words.refusal(code);
        } catch (MissingResourceException | IllegalArgumentException unknown) {
            return refused.message();
        }
    }

    /** The engine's words for why a known elder gets no subsidy (limit reached, outside the window ...). */
    private String subsidyRefusal(String reason) {
        Locale locale = text.chinese() ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        try {
            return ResourceBundle.getBundle("org.yishi.core.subsidy.refusals", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT))
                    .getString("refusal." + reason.toLowerCase(Locale.ROOT));
        } catch (MissingResourceException missing) {
            return reason;
        }
    }
}
