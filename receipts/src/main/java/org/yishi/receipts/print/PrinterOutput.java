package org.yishi.receipts.print;

/**
 * One printer connection kind. Implementations never block past their own timeouts: a switched-off or jammed
 * printer costs the calling thread a bounded, configured time, then a {@link PrintFailure}.
 * Calls are made from one thread at a time (the {@link PrintQueue} worker, or a CLI command).
 */
public interface PrinterOutput {

    /** Where this output prints. */
    PrinterTarget target();

    /**
     * Sends one receipt's bytes exactly once.
     *
     * @throws PrintFailure if the printer cannot be reached, reports it cannot print, or stops taking data
     */
    Delivery send(byte[] bytes) throws PrintFailure;

    /** Asks the printer how it is; never throws: {@link PrinterStatus.Reply#UNKNOWN} when it cannot tell. */
    PrinterStatus status();
}
