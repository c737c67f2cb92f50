package org.yishi.till.ui.tour;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.yishi.till.ui.TillUi;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Walks the real till windows through a demo lunchtime by pressing their buttons, and saves a PNG of each screen the
 * README shows: login, sell with an elder identified, customer display, a refusal, settings, shift close. Run by
 * {@code scripts/screenshots.sh} (a real window under Xvfb, not Monocle).
 */
public final class ScreenshotTour {

    private final TillUi ui;
    private final Path out;
    private final List<Path> written = new ArrayList<>();

    public ScreenshotTour(TillUi ui, Path out) {
        this.ui = ui;
        this.out = out;
    }

    /** Runs the tour from a thread that is not the FX thread; returns the files written. */
    public List<Path> run(String cashierNo, String cashierPin) throws Exception {
        Files.createDirectories(out);
        settle();
        shoot(main(), "login");
        type(main(), "#login-staff", cashierNo);
        type(main(), "#login-pin", cashierPin);
        press(main(), "#login-submit");
        if (find(main(), "#float-amount") != null) {
            type(main(), "#float-amount", "200");
            press(main(), "#shift-open");
        }
        press(devices(), "#sim-home-town");
        shoot(main(), "sell");
        ui.customerWindow().ifPresent(w -> shootUnchecked(w.stage().getScene(), "customer-display"));
        press(main(), "#confirm");
        ui.customerWindow().ifPresent(w -> shootUnchecked(w.stage().getScene(), "customer-display-rating"));
        press(ui.customerWindow().map(w -> w.stage().getScene()).orElse(main()), "#rate-3");
        press(devices(), "#sim-lost");
        shoot(main(), "refusal-lost-card");
        press(devices(), "#sim-deceased");
        shoot(main(), "refusal-deceased");
        press(main(), "#cancel-sale");
        press(main(), "#nav-settings");
        Thread.sleep(800); // the status is read off the FX thread
        shoot(main(), "settings");
        press(main(), "#nav-close-shift");
        String expected = fx(() -> ((javafx.scene.control.Label) find(main(), "#close-expected")).getText());
        long fen = org.yishi.till.ui.shell.Money.parseFen(expected);
        type(main(), "#count-10000", Long.toString(fen / 10000));
        type(main(), "#count-100", Long.toString(fen % 10000 / 100));
        type(main(), "#count-10", Long.toString(fen % 100 / 10));
        press(main(), "#shift-close");
        Thread.sleep(500);
        shoot(main(), "shift-close");
        return written;
    }

    private Scene main() {
        return ui.stage().getScene();
    }

    private Scene devices() {
        return ui.devicesWindow().map(Window::getScene).orElse(main());
    }

    private static Node find(Scene scene, String id) {
        return scene.lookup(id);
    }

    private void type(Scene scene, String id, String text) throws Exception {
        fx(() -> {
            ((TextInputControl) require(scene, id)).setText(text);
            return null;
        });
        settle();
    }

    private void press(Scene scene, String id) throws Exception {
        fx(() -> {
            ((Button) require(scene, id)).fire();
            return null;
        });
        settle();
    }

    private static Node require(Scene scene, String id) {
        Node n = scene.lookup(id);
        if (n == null) {
            throw new IllegalStateException("screenshot tour: no " + id + " on the screen");
        }
        return n;
    }

    private void shootUnchecked(Scene scene, String name) {
        try {
            shoot(scene, name);
        } catch (Exception e) {
            throw new IllegalStateException("screenshot " + name + " failed", e);
        }
    }

    private void shoot(Scene scene, String name) throws Exception {
        settle();
        WritableImage image = fx(() -> scene.snapshot(null));
        Path file = out.resolve(name + ".png");
        ImageIO.write(toBuffered(image), "png", file.toFile());
        written.add(file);
    }

    /** JavaFX image to AWT without javafx-swing: copy the ARGB pixels. */
    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return b;
    }

    /** Lets layout, CSS and a couple of pulses run. */
    private static void settle() throws InterruptedException {
        Thread.sleep(350);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
