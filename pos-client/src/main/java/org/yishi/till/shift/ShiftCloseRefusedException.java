package org.yishi.till.shift;

/** A shift close that may not happen: a cash variance without a supervisor's approval, a count in an unknown denomination. */
public final class ShiftCloseRefusedException extends RuntimeException {

    private final transient ShiftCloseSummary summary;

    public ShiftCloseRefusedException(String message, ShiftCloseSummary summary) {
        super(message);
        this.summary = summary;
    }

    /** What the close would have said, or null if the count itself was refused. */
    public ShiftCloseSummary summary() {
        return summary;
    }
}
