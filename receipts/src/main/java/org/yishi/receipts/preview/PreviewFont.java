package org.yishi.receipts.preview;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The font the preview draws with: the first installed CJK font that can display every character of a Chinese
 * test text ({@link Font#canDisplayUpTo} == -1). Without one, Chinese would render as boxes; the preview then uses
 * the logical monospaced font and says so in {@link #warning()}, so a till without fonts shows the problem
 * instead of silently printing boxes. Install {@code fonts-wqy-microhei} (Debian) or {@code fonts-noto-cjk}.
 */
public record PreviewFont(Font font, Optional<String> warning) {

    /** Preferred families, monospaced first (the receipt is a character grid). */
    static final List<String> CANDIDATES = List.of("WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK SC",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei Mono", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
            "Source Han Sans SC", "Microsoft YaHei", "SimHei", "SimSun", "PingFang SC");

    /** What a font must show: receipt words, full-width punctuation, digits. */
    static final String PROBE = "颐食长者食堂消费小票重打印补贴自付（）：，。×·—0123456789";

    /** Finds the best installed font; never fails. */
    public static PreviewFont find() {
        Set<String> installed = Set.copyOf(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        for (String family : CANDIDATES) {
            if (installed.contains(family)) {
                Font font = new Font(family, Font.PLAIN, 22);
                if (font.canDisplayUpTo(PROBE) == -1) {
                    return new PreviewFont(font, Optional.empty());
                }
            }
        }
        for (String family : installed) {
            Font font = new Font(family, Font.PLAIN, 22);
            if (font.canDisplayUpTo(PROBE) == -1) {
                return new PreviewFont(font, Optional.empty());
            }
        }
        return new PreviewFont(new Font(Font.MONOSPACED, Font.PLAIN, 22), Optional.of(
                "no installed font can display Chinese (tried " + String.join(", ", CANDIDATES) + " and every other"
                        + " family): the preview will show boxes; install fonts-wqy-microhei or fonts-noto-cjk"));
    }
}
