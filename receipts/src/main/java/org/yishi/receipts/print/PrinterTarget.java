package org.yishi.receipts.print;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where receipts go, as an installer writes it in the till configuration or on the command line:
 * <ul>
 *   <li>{@code tcp://HOST:PORT} — a network printer, raw TCP (port 9100 on nearly every model);</li>
 *   <li>{@code file:/dev/usb/lp0} — a device file (USB or parallel printer through the kernel driver);</li>
 *   <li>{@code cups:QUEUE} — a raw queue of the operating system's print system (CUPS, Windows spooler);</li>
 *   <li>{@code screen:} — no printer: receipts are shown on the till's screen (demo mode, a till whose printer is
 *   away for repair).</li>
 * </ul>
 * {@link #parse(String)} refuses anything else with a message saying what is wrong and what would be right.
 */
public sealed interface PrinterTarget {

    /** The target written back in the form {@link #parse(String)} reads. */
    String spec();

    /** A network printer on raw TCP. */
    record Tcp(String host, int port) implements PrinterTarget {
        public Tcp {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("printer port must be 1..65535, got " + port);
            }
        }

        @Override
        public String spec() {
            return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** A printer device file such as {@code /dev/usb/lp0}. */
    record DeviceFile(Path path) implements PrinterTarget {
        public DeviceFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String spec() {
            return "file:" + path;
        }
    }

    /** A named raw print queue known to {@link javax.print.PrintServiceLookup}. */
    record SpoolerQueue(String name) implements PrinterTarget {
        public SpoolerQueue {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String spec() {
            return "cups:" + name;
        }
    }

    /** No printer: receipts go to the till's on-screen preview ({@link ScreenOutput}). */
    record Screen() implements PrinterTarget {
        @Override
        public String spec() {
            return "screen:";
        }
    }

    /**
     * Reads a printer target.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    static PrinterTarget parse(String text) {
        return PrinterTargetParser.parse(text);
    }
}
