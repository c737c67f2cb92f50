package org.yishi.receipts.print;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The "printer" of a till without one: keeps the last receipts' bytes for the on-screen preview and tells
 * listeners (the till's preview pane) each time one arrives. It always succeeds; it has no status to report.
 */
public final class ScreenOutput implements PrinterOutput {

    private static final int KEEP = 20;

    private final Deque<byte[]> shown = new ArrayDeque<>();
    private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public PrinterTarget target() {
        return new PrinterTarget.Screen();
    }

    @Override
    public Delivery send(byte[] bytes) throws PrintFailure {
        PrintFailure.refuseEmpty(bytes, target());
        byte[] copy = bytes.clone();
        synchronized (shown) {
            shown.addLast(copy);
            while (shown.size() > KEEP) {
                shown.removeFirst();
            }
        }
        listeners.forEach(l -> l.accept(copy.clone()));
        return new Delivery(bytes.length, Duration.ZERO, PrinterStatus.unknown("shown on screen"), true);
    }

    @Override
    public PrinterStatus status() {
        return PrinterStatus.unknown("no printer: receipts are shown on screen");
    }

    /** Called with each receipt's bytes as it is "printed", on the print queue's thread. */
    public void onReceipt(Consumer<byte[]> listener) {
        listeners.add(listener);
    }

    /** The most recent receipts, oldest first (at most 20). */
    public List<byte[]> recent() {
        synchronized (shown) {
            return shown.stream().map(byte[]::clone).toList();
        }
    }
}
