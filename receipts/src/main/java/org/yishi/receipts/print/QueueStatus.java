package org.yishi.receipts.print;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the till's status bar shows about printing.
 *
 * @param phase    READY, PRINTING, or why jobs are held (HELD, OFFLINE, PAPER_OUT)
 * @param waiting  jobs not yet tried (or released for retry), including the one printing
 * @param held     jobs whose last attempt failed; they wait for {@link PrintQueue#retry()} or a supervisor's discard
 * @param reason   why the newest held job is held; empty unless jobs are held
 * @param warnings non-blocking printer conditions from the last delivery, e.g. paper near end
 */
public record QueueStatus(Phase phase, int waiting, int held, Optional<HoldReason> reason, Set<PrinterCondition> warnings) {

    /** The printing state in one word. */
    public enum Phase {
        /** Nothing held; the printer took the last job. */
        READY,
        /** A job is being sent now. */
        PRINTING,
        /** Jobs held for a reason other than the two below (write timeout, permission, spooler ...). */
        HELD,
        /** Jobs held because the printer is unreachable, silent, or reports itself offline / cover open. */
        OFFLINE,
        /** Jobs held because the printer reports it is out of paper. */
        PAPER_OUT
    }

    public QueueStatus {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
        warnings = Set.copyOf(warnings);
        if ((held > 0) != reason.isPresent()) {
            throw new IllegalArgumentException("a hold reason is given exactly when jobs are held: held=" + held + ", reason=" + reason);
        }
    }

    /** Whether the cashier has to act (fix the printer, then retry). */
    public boolean needsAttention() {
        return held > 0;
    }
}
