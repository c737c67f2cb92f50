package org.yishi.receipts.print;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a {@link PrintQueue}.
 *
 * @param maxJobs      waiting + held jobs at most; beyond, submissions are refused (the sale is in the journal anyway)
 * @param maxBytes     their bytes at most
 * @param hardLimit    the longest one call to the printer output may take before the queue abandons it
 * @param rememberPrinted how many printed receipt ids are remembered to refuse printing one twice
 */
public record PrintQueueSettings(int maxJobs, long maxBytes, Duration hardLimit, int rememberPrinted) {

    /** 200 jobs, 16 MiB, hard limit from the default printer timeouts, 1000 printed ids. */
    public static final PrintQueueSettings DEFAULTS = of(PrinterTimeouts.DEFAULTS);

    public PrintQueueSettings {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("print queue maxJobs must be at least 1, got " + maxJobs);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("print queue maxBytes must be at least 1, got " + maxBytes);
        }
        Objects.requireNonNull(hardLimit, "hardLimit");
        if (hardLimit.isNegative() || hardLimit.isZero()) {
            throw new IllegalArgumentException("print queue hardLimit must be positive, got " + hardLimit);
        }
        if (rememberPrinted < 0) {
            throw new IllegalArgumentException("print queue rememberPrinted must not be negative, got " + rememberPrinted);
        }
    }

    /** Default limits, with the hard limit taken from {@code timeouts}. */
    public static PrintQueueSettings of(PrinterTimeouts timeouts) {
        return new PrintQueueSettings(200, 16L * 1024 * 1024, timeouts.hardLimit(), 1000);
    }
}
