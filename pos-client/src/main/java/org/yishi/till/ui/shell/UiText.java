package org.yishi.till.ui.shell;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;

/**
 * The till screens' words, Chinese first, switchable to English while running: every label binds to
 * {@link #bind(String, Object...)} so a language switch relabels the open screens without rebuilding them.
 * Bundles: {@code org/yishi/till/ui/messages{,_zh_CN}.properties} (the unsuffixed one is English).
 */
public final class UiText {

    private static final String BUNDLE = "org.yishi.till.ui.messages";

    private final ObjectProperty<Locale> locale;
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public UiText(Locale initial) {
        this.locale = new SimpleObjectProperty<>(normalise(initial));
    }

    /**
     * The bundle of the locale now. Looked up on use, not swapped by a change listener: bindings are invalidated
     * before change listeners run, and a control that reads its text at once would get the old language.
     */
    private ResourceBundle bundle() {
        Locale now = locale.get();
        if (!now.equals(bundleLocale)) {
            bundle = load(now);
            bundleLocale = now;
        }
        return bundle;
    }

    /** Chinese (the default) unless the tag starts with "en". */
    public static UiText forLanguage(String tag) {
        boolean english = tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en");
        return new UiText(english ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE);
    }

    private static Locale normalise(Locale l) {
        return Locale.SIMPLIFIED_CHINESE.equals(l) ? l : Locale.ROOT;
    }

    private static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public boolean chinese() {
        return Locale.SIMPLIFIED_CHINESE.equals(locale.get());
    }

    /** Switches between Chinese and English. */
    public void toggle() {
        locale.set(chinese() ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE);
    }

    public void use(Locale l) {
        locale.set(normalise(Objects.requireNonNull(l, "locale")));
    }

    /** The text now, formatted with {@link MessageFormat}; a missing key shows as {@code !key!} rather than crashing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException missing) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** Whether the bundle has this key (refusal reasons come with their own keys). */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    /** A binding that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /** A label whose text is {@code key} in the current language, with a style class (e.g. {@code amount}). */
    public javafx.scene.control.Label label(String key, String styleClass) {
        javafx.scene.control.Label l = new javafx.scene.control.Label();
        l.textProperty().bind(bind(key));
        l.getStyleClass().add(styleClass);
        return l;
    }

    /** A binding that follows the language and the given values, for text computed from several keys. */
    public StringBinding compute(Callable<String> text, Observable... dependencies) {
        Observable[] all = new Observable[dependencies.length + 1];
        all[0] = locale;
        System.arraycopy(dependencies, 0, all, 1, dependencies.length);
        return Bindings.createStringBinding(text, all);
    }
}
