package org.yishi.receipts.print;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a printer output waits before it gives up. The defaults suit a receipt printer on the canteen LAN or USB:
 * a switched-off printer is detected in about {@code connect}, a jammed one in about {@code writeStall}.
 *
 * @param connect     a TCP connection must be established within this
 * @param statusReply a {@code DLE EOT} reply must arrive within this; printers that never answer are UNKNOWN, not failed
 * @param writeStall  the printer must take more data (or acknowledge it) within this, or the print fails
 * @param job         hard limit for one whole job from the first connection attempt, however slowly the printer
 *                    keeps taking data
 */
public record PrinterTimeouts(Duration connect, Duration statusReply, Duration writeStall, Duration job) {

    /** Connect 2 s, status 500 ms, write stall 3 s, whole job 30 s. */
    public static final PrinterTimeouts DEFAULTS = new PrinterTimeouts(
            Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(30));

    public PrinterTimeouts {
        positive(connect, "connect");
        positive(statusReply, "statusReply");
        positive(writeStall, "writeStall");
        positive(job, "job");
        if (job.compareTo(writeStall) < 0 || job.compareTo(connect) < 0) {
            throw new IllegalArgumentException("job timeout " + job + " must be at least the connect (" + connect
                    + ") and write-stall (" + writeStall + ") timeouts");
        }
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("printer timeout " + name + " must be positive, got " + d);
        }
    }

    /** The longest one call to {@link PrinterOutput#send} may take, with margin for the watchdog. */
    public Duration hardLimit() {
        return job.plus(Duration.ofSeconds(1));
    }
}
