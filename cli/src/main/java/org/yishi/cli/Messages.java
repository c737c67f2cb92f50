package org.yishi.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A command's user-facing text from one resource bundle, Chinese first: zh-CN unless the language tag asks for
 * English ({@code YISHI_LANG=en} or {@code --lang en}). Every command of both jars chooses its language by this one rule.
 */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    /**
     * @param bundleBaseName e.g. {@code org.yishi.cli.journal.messages}: {@code messages_zh_CN.properties} (Chinese) and
     *                       {@code messages.properties} (English) beside each other
     * @throws java.util.MissingResourceException if the bundle is not on the class path (a packaging bug)
     */
    public Messages(String bundleBaseName, Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        // No fallback to the JVM's default locale: a till in an English-speaking OS account still speaks Chinese.
        this.bundle = ResourceBundle.getBundle(bundleBaseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** The text of {@code bundleBaseName} in the language {@code languageTag} asks for (null: the default, Chinese). */
    public static Messages of(String bundleBaseName, String languageTag) {
        return new Messages(bundleBaseName, localeOf(languageTag));
    }

    /** {@link Locale#ROOT} (the English bundle) for a tag starting with {@code en}, zh-CN for anything else or null. */
    public static Locale localeOf(String languageTag) {
        if (languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ROOT;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The locale the text is in: {@link Locale#ROOT} for English, zh-CN otherwise. */
    public Locale locale() {
        return locale;
    }

    /** The message {@code key}, formatted with {@link MessageFormat} in this locale. */
    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
