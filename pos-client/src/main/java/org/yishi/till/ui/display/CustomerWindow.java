package org.yishi.till.ui.display;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.yishi.till.ui.shell.Theme;
import org.yishi.till.ui.shell.UiText;

import java.util.List;

/**
 * The customer display's own window: full screen on a second monitor when there is one, otherwise a window
 * beside the till's (demo, a single-screen till).
 */
public final class CustomerWindow {

    private final Stage stage = new Stage();

    public CustomerWindow(UiText text, Theme theme, CustomerDisplay display, Window owner) {
        stage.initOwner(owner);
        stage.titleProperty().bind(text.bind("customer.windowTitle"));
        Scene scene = new Scene(display, 1024, 600);
        theme.style(scene);
        stage.setScene(scene);
        List<Screen> screens = Screen.getScreens();
        if (screens.size() > 1) {
            Rectangle2D bounds = screens.get(1).getBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
        } else {
            // One screen (demo, training): beside the cashier's window rather than on top of its buttons.
            SideBySide.placeRightOf(stage, owner, 1024);
        }
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }
}
