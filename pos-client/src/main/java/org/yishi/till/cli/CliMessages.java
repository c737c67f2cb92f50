package org.yishi.till.cli;

import java.util.Locale;
import org.yishi.cli.Messages;

/**
 * The till's command-line text, Chinese first: zh-CN unless {@code YISHI_LANG=en} (or {@code --lang en}), by the rule
 * every command of both jars follows ({@link Messages}).
 */
public final class CliMessages {

    private final Messages messages;

    public CliMessages(Locale locale) {
        this.messages = new Messages("org.yishi.till.cli.messages", locale);
    }

    /** zh-CN by default; {@code en…} in the language tag selects English. */
    public static CliMessages forLanguage(String tag) {
        return new CliMessages(Messages.localeOf(tag));
    }

    /** The locale the messages are in: {@link Locale#ROOT} for English, zh-CN otherwise. */
    public Locale locale() {
        return messages.locale();
    }

    public String get(String key, Object... args) {
        return messages.get(key, args);
    }
}
