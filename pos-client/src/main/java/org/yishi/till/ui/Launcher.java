package org.yishi.till.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.yishi.cardreader.pcsc.PcscSettings;
import org.yishi.receipts.print.PrinterTarget;
import org.yishi.till.checkout.DemoTill;
import org.yishi.till.checkout.Till;
import org.yishi.config.demo.DemoStaff;
import org.yishi.till.ui.sell.DemoCard;
import org.yishi.till.ui.tour.ScreenshotTour;
import org.yishi.till.ui.shell.FontChoice;
import org.yishi.till.ui.shell.Theme;
import org.yishi.till.ui.shell.UiText;
import org.yishi.till.voice.ClipVoice;
import org.yishi.till.voice.Voice;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the JavaFX till. A plain class, not a {@code javafx.application.Application}: launched from a plain
 * classpath, an Application main class fails with "JavaFX runtime components are missing". The till opens (H2,
 * journal check, demo data on first use) on a worker thread while JavaFX starts, so the two overlap, and the
 * time from JVM start to the login screen is printed.
 */
public final class Launcher {

    private final PrintStream out;

    public Launcher(PrintStream out) {
        this.out = out;
    }

    /** For IDEs: {@code Launcher [en]} opens the demo till in var/demo. */
    public static void main(String[] args) {
        String lang = args.length > 0 ? args[0] : System.getenv("YISHI_LANG");
        Path home = Path.of(System.getProperty("yishi.home", "."));
        new Launcher(System.out).run(new TillLaunch(home.resolve("var/demo"), home.resolve("policies"), lang, "screen:",
                false, true, java.util.Optional.empty()));
    }

    /** Runs the till until its window is closed; returns the exit status. */
    public int run(TillLaunch launch) {
        long startNanos = System.nanoTime();
        Clock clock = DemoTill.lunchtimeClock();
        CompletableFuture<Till> opening = CompletableFuture.supplyAsync(() -> DemoTill.open(launch.demoDir(),
                launch.policiesDir(), clock, launch.language(), PrinterTarget.parse(launch.printer())));
        CompletableFuture<FontChoice> fonts = CompletableFuture.supplyAsync(FontChoice::installed);
        CompletableFuture<Voice> voice = CompletableFuture.supplyAsync(ClipVoice::open);
        Platform.setImplicitExit(true);
        Platform.startup(() -> { });
        Till till = opening.join();
        List<DemoCard> cards = demoCards(DemoTill.customers(launch.demoDir(), till));
        if (launch.pcsc()) {
            till.startCardReaders(PcscSettings.defaults());
        }
        return show(till, clock, launch.language(), cards, launch.customerWindow(), launch.screenshots(), fonts, voice, startNanos);
    }

    /**
     * Runs a till opened from its configuration file until its window is closed; returns the exit status. The till is
     * already open (so a till that cannot open has failed before any window), real readers replace the simulated card
     * panel, and the till is closed on the way out.
     *
     * @param pcsc PC/SC reader settings, when the configuration enables them
     */
    public int runConfigured(Till till, Clock clock, String language, Optional<PcscSettings> pcsc, boolean customerWindow) {
        long startNanos = System.nanoTime();
        CompletableFuture<FontChoice> fonts = CompletableFuture.supplyAsync(FontChoice::installed);
        CompletableFuture<Voice> voice = CompletableFuture.supplyAsync(ClipVoice::open);
        try {
            Platform.setImplicitExit(true);
            Platform.startup(() -> { });
            pcsc.ifPresent(till::startCardReaders);
        } catch (RuntimeException e) {
            // No display, or JavaFX already gone: the till was opened for nothing, so close its store and journal.
            till.close();
            throw e;
        }
        return show(till, clock, language, List.of(), customerWindow, Optional.empty(), fonts, voice, startNanos);
    }

    private int show(Till till, Clock clock, String language, List<DemoCard> cards, boolean customerWindow,
            Optional<Path> screenshots, CompletableFuture<FontChoice> fonts, CompletableFuture<Voice> voice, long startNanos) {
        CountDownLatch closed = new CountDownLatch(1);
        CountDownLatch shown = new CountDownLatch(1);
        UiText text = UiText.forLanguage(language);
        Theme theme = new Theme(fonts.join());
        TillUiOptions options = new TillUiOptions(text, theme, voice.join(), clock, cards,
                till.screenPrinter().map(screen -> feed -> screen.onReceipt(feed::accept)), customerWindow);
        TillUi[] ui = new TillUi[1];
        Platform.runLater(() -> {
            theme.installUserAgent();
            Stage stage = new Stage();
            ui[0] = new TillUi(till, options);
            ui[0].start(stage);
            Platform.runLater(() -> out.printf("yishi till: login screen shown %d ms after the JVM started (%d ms in main)%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(),
                    (System.nanoTime() - startNanos) / 1_000_000));
            stage.setOnHidden(e -> closed.countDown());
            shown.countDown();
        });
        screenshots.ifPresent(dir -> {
            Thread tour = new Thread(() -> {
                try {
                    shown.await();
                    DemoStaff.Member cashier = DemoStaff.MEMBERS.get(0);
                    for (Path png : new ScreenshotTour(ui[0], dir).run(cashier.staffNo(), cashier.demoPin())) {
                        out.println("yishi till: wrote " + png);
                    }
                } catch (Exception e) {
                    out.println("yishi till: screenshot tour failed: " + e);
                    e.printStackTrace(out);
                } finally {
                    Platform.runLater(() -> ui[0].stage().close());
                }
            }, "screenshot-tour");
            tour.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.runLater(() -> {
            ui[0].close();
            Platform.exit();
        });
        till.close();
        return 0;
    }

    /** The simulated card panel's buttons: one per kind of demo customer, and one QR code of a regular. */
    public static List<DemoCard> demoCards(List<DemoTill.Customer> customers) {
        List<DemoCard> cards = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean qrShown = false;
        for (DemoTill.Customer c : customers) {
            if (c.cardUid().isEmpty() || !seen.add(c.why())) {
                continue;
            }
            String last4 = c.cardUid().substring(Math.max(0, c.cardUid().length() - 4));
            cards.add(new DemoCard(c.why().replace('_', '-'), "sim." + c.why(), " ·" + last4,
                    DemoCard.Kind.CARD, c.cardUid()));
            if (!qrShown && c.qrToken().isPresent()) {
                cards.add(new DemoCard("qr", "sim.qr", "", DemoCard.Kind.QR, c.qrToken().get()));
                qrShown = true;
            }
        }
        return cards;
    }
}
