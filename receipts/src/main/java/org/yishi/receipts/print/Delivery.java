package org.yishi.receipts.print;

import java.time.Duration;
import java.util.Objects;

/**
 * A receipt handed to the printer.
 *
 * @param bytes        how many bytes were sent
 * @param elapsed      from the first connection attempt to the last byte accepted (or confirmed)
 * @param statusAfter  what the printer reported after the data (UNKNOWN where it cannot tell), e.g. paper near end
 * @param confirmed    whether the printer acknowledged having read every byte (a status reply after the data)
 */
public record Delivery(int bytes, Duration elapsed, PrinterStatus statusAfter, boolean confirmed) {
    public Delivery {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(statusAfter, "statusAfter");
    }
}
