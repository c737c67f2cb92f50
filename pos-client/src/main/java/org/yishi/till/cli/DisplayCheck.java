package org.yishi.till.cli;

import java.awt.GraphicsEnvironment;
import java.util.Locale;

/** Whether a window can be shown here: not on a server, a CI runner or an SSH session without X forwarding. */
final class DisplayCheck {

    private DisplayCheck() {
    }

    static boolean available() {
        if (GraphicsEnvironment.isHeadless() || Boolean.getBoolean("testfx.headless")) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }
}
