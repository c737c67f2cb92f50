package org.yishi.till.shift;

import java.util.Objects;
import org.yishi.receipts.RenderedReceipt;

/**
 * A closed shift: the SHIFT_CLOSE record's seq, the summary, and the Z-report to print (the caller hands it to the
 * print queue; it is also the record's proof on paper: it prints the journal's last hash).
 */
public record ShiftCloseResult(long seq, ShiftCloseSummary summary, RenderedReceipt zReport) {

    public ShiftCloseResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(zReport, "zReport");
    }
}
