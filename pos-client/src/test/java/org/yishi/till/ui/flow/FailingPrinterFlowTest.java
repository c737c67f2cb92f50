package org.yishi.till.ui.flow;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.till.ui.receipt.ScreenReceiptText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yishi.till.ui.flow.TillHarness.CASHIER;
import static org.yishi.till.ui.flow.TillHarness.CASHIER_PIN;
import static org.yishi.till.ui.flow.TillHarness.text;

/** A printer that is off at the sale: the sale is kept, the status bar says so, and the receipt prints later. */
@ExtendWith(ApplicationExtension.class)
class FailingPrinterFlowTest {

    private final int port = freePort();
    private TillHarness till;
    private ServerSocket printer;
    private final List<byte[]> printed = new CopyOnWriteArrayList<>();

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Start
    void start(Stage stage) {
        // Nothing listens on the port yet: the printer is switched off.
        till = TillHarness.start(stage, "tcp://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws IOException {
        till.close();
        if (printer != null) {
            printer.close();
        }
    }

    /** Switches the "printer" on: a raw TCP port that keeps whatever each connection sends. */
    private void switchPrinterOn() throws IOException {
        printer = new ServerSocket(port, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!printer.isClosed()) {
                try (Socket s = printer.accept(); InputStream in = s.getInputStream()) {
                    ByteArrayOutputStream job = new ByteArrayOutputStream();
                    in.transferTo(job);
                    if (job.size() > 0) {
                        printed.add(job.toByteArray());
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }, "fake-printer");
        t.setDaemon(true);
        t.start();
    }

    private boolean printedContains(String text) {
        return printed.stream().anyMatch(b -> String.join("\n", new ScreenReceiptText().lines(b)).contains(text));
    }

    @Test
    void theSaleIsKeptAndTheReceiptPrintsWhenThePrinterIsBack(FxRobot robot) throws Exception {
        TillHarness.login(robot, CASHIER, CASHIER_PIN);
        TillHarness.openShift(robot, "100");
        robot.clickOn("#sim-home-town");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        var sale = till.ui.sellScreen().lastSale().orElseThrow();
        assertThat(till.journal().stream().filter(r -> r.type() == RecordType.SALE)).hasSize(1);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> till.till.printer().status().needsAttention());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#status-printer").queryLabeled().getStyleClass().contains("warn-text"));
        assertThat(text(robot, "#status-printer")).contains("1");

        switchPrinterOn();
        robot.clickOn("#nav-history");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#history-retry");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> printedContains(sale.receiptNo()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !till.till.printer().status().needsAttention());

        robot.interact(() -> till.ui.historyView().select(sale.receiptNo()));
        robot.clickOn("#history-reprint");
        TillHarness.awaitHistory(till.ui.historyView());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> printed.size() >= 2);
        assertThat(printedContains("重打")).as("the reprint is marked as one").isTrue();
        ReprintPayload reprint = (ReprintPayload) till.journal().stream().filter(r -> r.type() == RecordType.REPRINT)
                .findFirst().orElseThrow().typedPayload();
        assertThat(reprint.originalSeq()).isEqualTo(sale.seq());
        assertThat(text(robot, "#history-message")).contains(sale.receiptNo());
    }
}
