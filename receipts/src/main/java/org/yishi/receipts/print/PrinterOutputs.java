package org.yishi.receipts.print;

/** Makes the output a {@link PrinterTarget} names. */
public final class PrinterOutputs {
    private PrinterOutputs() {
    }

    /** The output for {@code target}, with {@code timeouts}. */
    public static PrinterOutput open(PrinterTarget target, PrinterTimeouts timeouts) {
        if (target instanceof PrinterTarget.Tcp tcp) {
            return new TcpPrinterOutput(tcp, timeouts);
        }
        if (target instanceof PrinterTarget.DeviceFile device) {
            return new DeviceFileOutput(device, timeouts);
        }
        if (target instanceof PrinterTarget.SpoolerQueue queue) {
            return new SpoolerQueueOutput(queue, timeouts);
        }
        if (target instanceof PrinterTarget.Screen) {
            return new ScreenOutput();
        }
        throw new IllegalArgumentException("no output for printer target " + target);
    }
}
