package org.yishi.till.ui.display;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Places a helper window (customer display, demo devices) to the right of another, kept on the screen. */
public final class SideBySide {

    private SideBySide() {
    }

    public static void placeRightOf(Stage stage, Window left, double width) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double x = left.getX() + left.getWidth();
        stage.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - width)));
        stage.setY(left.getY());
    }
}
