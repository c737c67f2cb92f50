package org.yishi.till.ui.shell;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The till's look: AtlantaFX Primer Light (a calm, modern base), the till's own sheet for touch-sized controls
 * and meaning-only colours ({@code till.css}), and the CJK font chosen for this machine.
 */
public final class Theme {

    private final FontChoice font;

    public Theme(FontChoice font) {
        this.font = Objects.requireNonNull(font, "font");
    }

    /** Sets the theme for every window of the JavaFX runtime; call once, on the FX thread, before showing. */
    public void installUserAgent() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds the till's sheets to a scene (main window, customer display, dialogs). */
    public void style(Scene scene) {
        scene.getStylesheets().add(Objects.requireNonNull(Theme.class.getResource("/org/yishi/till/ui/till.css"),
                "till.css is missing from the jar").toExternalForm());
        String fontCss = font.css();
        if (!fontCss.isEmpty()) {
            // A data: URL keeps the font rule next to the choice that made it; JavaFX reads CSS data URLs since 17.
            scene.getStylesheets().add("data:text/css;base64,"
                    + Base64.getEncoder().encodeToString(fontCss.getBytes(StandardCharsets.UTF_8)));
        }
    }

    public FontChoice font() {
        return font;
    }
}
