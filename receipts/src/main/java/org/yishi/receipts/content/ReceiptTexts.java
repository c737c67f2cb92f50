package org.yishi.receipts.content;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words printed on receipts, from {@code receipts{,_zh_CN}.properties}: Simplified Chinese unless English is
 * asked for. Codes from data (payment methods, meal slots) without a translation print as the code.
 */
public final class ReceiptTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    public ReceiptTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.yishi.receipts.content.receipts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** zh-CN by default; a tag starting with {@code en} selects English. */
    public static ReceiptTexts forLanguage(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")
                ? new ReceiptTexts(Locale.ROOT) : new ReceiptTexts(Locale.SIMPLIFIED_CHINESE);
    }

    /** The text for {@code key}, its placeholders filled with {@code args} (strings). */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The translation of {@code prefix.code}, or the code itself when there is none. */
    public String codeName(String prefix, String code) {
        try {
            return bundle.getString(prefix + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
