package org.yishi.till.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The command line's user-facing text, Chinese first: zh-CN unless {@code YISHI_LANG=en} (or {@code --lang en}).
 */
public final class CliMessages {
    private final ResourceBundle bundle;
    private final Locale locale;

    public CliMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.yishi.till.cli.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    /** zh-CN by default; {@code en…} in the language tag selects English. */
    public static CliMessages forLanguage(String tag) {
        if (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en")) {
            return new CliMessages(Locale.ROOT);
        }
        return new CliMessages(Locale.SIMPLIFIED_CHINESE);
    }

    /** The locale the messages are in: {@link Locale#ROOT} for English, zh-CN otherwise. */
    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
