package org.yishi.receipts.print;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Why a print job is held: the failure of its last attempt.
 *
 * @param kind           what went wrong
 * @param message        the developer-facing detail (printer address, byte counts, timeouts)
 * @param conditions     what the printer reported, if it answered (paper out, cover open ...)
 * @param mayHavePrinted some bytes had left the till: look at the printer before printing again
 * @param at             when the attempt failed
 */
public record HoldReason(FailureKind kind, String message, Set<PrinterCondition> conditions, boolean mayHavePrinted,
                         Instant at) {
    public HoldReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        conditions = Set.copyOf(conditions);
        Objects.requireNonNull(at, "at");
    }

    /** The reason a failure gives, at {@code at}. */
    public static HoldReason of(PrintFailure failure, Instant at) {
        return new HoldReason(failure.kind(), failure.getMessage(), failure.status().conditions(),
                failure.mayHavePrinted(), at);
    }

    /** What the till's status bar should show while a job is held for this reason. */
    public QueueStatus.Phase phase() {
        if (conditions.contains(PrinterCondition.PAPER_OUT)) {
            return QueueStatus.Phase.PAPER_OUT;
        }
        return switch (kind) {
            case REFUSED, UNREACHABLE, CONNECT_TIMEOUT, NO_RESPONSE, DEVICE_MISSING, PRINTER_STOPPED -> QueueStatus.Phase.OFFLINE;
            default -> QueueStatus.Phase.HELD;
        };
    }
}
