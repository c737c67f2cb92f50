package org.yishi.receipts.print;

import java.util.Objects;

/**
 * A print that did not (certainly) happen. The job stays held by the {@link PrintQueue}; nothing is lost.
 *
 * <p>{@link #mayHavePrinted()} is {@code true} when some bytes had already left the till before the failure:
 * part of the receipt (or all of it) may be on paper, so the cashier should look before printing it again.
 */
public final class PrintFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final transient PrinterStatus status;
    private final boolean mayHavePrinted;

    public PrintFailure(FailureKind kind, String message, PrinterStatus status, boolean mayHavePrinted, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.status = Objects.requireNonNull(status, "status");
        this.mayHavePrinted = mayHavePrinted;
    }

    public PrintFailure(FailureKind kind, String message) {
        this(kind, message, PrinterStatus.unknown(""), false, null);
    }

    /** Every output refuses an empty job the same way, before touching the printer. */
    static void refuseEmpty(byte[] bytes, PrinterTarget target) throws PrintFailure {
        if (bytes.length == 0) {
            throw new PrintFailure(FailureKind.BAD_JOB, "refusing to send an empty receipt to " + target.spec());
        }
    }

    public FailureKind kind() {
        return kind;
    }

    /** What the printer reported, if it reported anything. */
    public PrinterStatus status() {
        return status;
    }

    public boolean mayHavePrinted() {
        return mayHavePrinted;
    }
}
