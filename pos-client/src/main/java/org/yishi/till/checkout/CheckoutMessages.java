package org.yishi.till.checkout;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.yishi.cardreader.qr.QrRefusal;
import org.yishi.till.staff.ApprovalUse;

/**
 * The words the cashier reads at the counter, zh-CN first: the engine's refusal texts (core), the QR refusal texts
 * (card-reader) and the till's own (this package's {@code messages} bundle).
 */
public final class CheckoutMessages {

    private final Locale locale;
    private final ResourceBundle engine;
    private final ResourceBundle qr;
    private final ResourceBundle own;

    public CheckoutMessages(Locale locale) {
        this.locale = locale;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.engine = ResourceBundle.getBundle("org.yishi.core.subsidy.refusals", locale, noFallback);
        this.qr = ResourceBundle.getBundle("org.yishi.cardreader.qr.refusals", locale, noFallback);
        this.own = ResourceBundle.getBundle("org.yishi.till.checkout.messages", locale, noFallback);
    }

    /** Chinese unless the tag starts with "en". */
    public static CheckoutMessages forLanguage(String tag) {
        return new CheckoutMessages(tag != null && tag.startsWith("en") ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a refusal code: the engine's reasons, then the till's own (unknown card, unknown elder). */
    public String refusal(String code) {
        String key = "refusal." + code;
        if (engine.containsKey(key)) {
            return engine.getString(key);
        }
        return own.getString(key);
    }

    /** Why a supervisor's approval could not be used, and what to do (approve again). */
    public String approvalRefused(ApprovalUse.Reason reason) {
        return own.getString("approval.refused." + reason.code());
    }

    public String qrRefusal(QrRefusal reason) {
        return qr.getString("refusal." + reason.name().toLowerCase(Locale.ROOT));
    }

    public String text(String key, Object... args) {
        try {
            return new MessageFormat(own.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no checkout message " + key, e);
        }
    }
}
