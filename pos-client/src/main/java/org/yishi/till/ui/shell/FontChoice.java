package org.yishi.till.ui.shell;

import org.yishi.receipts.preview.CjkFontChooser;

import java.util.Optional;

/**
 * The font family the till draws with: one that shows Chinese, chosen by the same rule as the printed card
 * face ({@link CjkFontChooser}). Without one, JavaFX draws boxes; the till then keeps its theme's font and
 * says so in {@link #warning()} on the settings screen, instead of failing to start at lunchtime.
 */
public record FontChoice(Optional<String> family, Optional<String> warning) {

    /** Words the till shows: keypad, meal names, tiers, refusals, punctuation. */
    static final String PROBE = "颐食长者食堂请刷卡补贴自付满意一般不满意已挂失今日午餐（）：，。¥0123456789";

    /** Chooses among the fonts installed on this machine. */
    public static FontChoice installed() {
        return from(CjkFontChooser.installed());
    }

    static FontChoice from(CjkFontChooser chooser) {
        return chooser.choose(PROBE)
                .map(font -> new FontChoice(Optional.of(font.getFamily()), Optional.empty()))
                .orElseGet(() -> new FontChoice(Optional.empty(), Optional.of(
                        "no installed font shows Chinese: install fonts-wqy-microhei or fonts-noto-cjk")));
    }

    /** The CSS rule that puts the chosen family first, or an empty string to keep the theme's font. */
    public String css() {
        return family.map(f -> ".root { -fx-font-family: \"" + f.replace("\"", "") + "\"; }").orElse("");
    }
}
