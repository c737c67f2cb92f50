package org.yishi.receipts.preview;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks an installed font that can draw every character of a text: the rule the administrator's card faces and the
 * till's screens ({@code FontChoice}) share. Without one Java2D draws Chinese as empty boxes and a card looks fine
 * to a program and useless to a person, so the caller must fail (a card) or say so (a screen) instead.
 */
public final class CjkFontChooser {

    /** Known good CJK families, tried first (Linux, Windows, macOS). */
    static final List<String> PREFERRED = List.of("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
            "Microsoft YaHei", "SimHei", "PingFang SC", "WenQuanYi Zen Hei", "Droid Sans Fallback");
    /** Java's logical fonts map to whatever the platform has; a named physical font is more predictable. */
    private static final Set<String> LOGICAL = Set.of("Dialog", "DialogInput", "Serif", "SansSerif", "Monospaced");

    private final List<String> families;

    /** Chooses among the given family names (tests pass their own). */
    public CjkFontChooser(List<String> families) {
        this.families = List.copyOf(families);
    }

    /** Chooses among the fonts installed on this machine. */
    public static CjkFontChooser installed() {
        return new CjkFontChooser(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
    }

    /** A plain font of a family that displays all of {@code text}: preferred families first, logical fonts last. */
    public Optional<Font> choose(String text) {
        Comparator<String> order = Comparator.comparingInt((String f) -> rank(f)).thenComparing(f -> f);
        return families.stream()
                .sorted(order)
                .filter(family -> {
                    // new Font silently gives "Dialog" for a family that is not installed: that is not this family.
                    return new Font(family, Font.PLAIN, 12).getFamily().equalsIgnoreCase(family);
                })
                .map(family -> new Font(family, Font.PLAIN, 12))
                .filter(f -> f.canDisplayUpTo(text) == -1)
                .findFirst();
    }

    private static int rank(String family) {
        int preferred = PREFERRED.indexOf(family);
        if (preferred >= 0) {
            return preferred;
        }
        return LOGICAL.contains(family) ? PREFERRED.size() + 1 : PREFERRED.size();
    }
}
