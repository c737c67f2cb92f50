package org.yishi.till.shift;

import java.util.Objects;
import java.util.OptionalLong;
import org.yishi.receipts.RenderedReceipt;

/**
 * A closed shift: the SHIFT_CLOSE record's seq, the summary, the Z-report to print (the caller hands it to the print
 * queue; it is also the record's proof on paper: it prints the journal's last hash), and — on a till with a settlement
 * server — how many journal records the server had not yet acknowledged when the shift closed (the SHIFT_CLOSE
 * included): the cashier sees that the day is not yet safe on the server.
 */
public record ShiftCloseResult(long seq, ShiftCloseSummary summary, RenderedReceipt zReport, OptionalLong unacknowledged) {

    public ShiftCloseResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(zReport, "zReport");
        Objects.requireNonNull(unacknowledged, "unacknowledged");
    }

    /** The same close, with the server's count of records not yet acknowledged. */
    public ShiftCloseResult withUnacknowledged(long records) {
        return new ShiftCloseResult(seq, summary, zReport, OptionalLong.of(records));
    }
}
