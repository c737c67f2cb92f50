package org.yishi.receipts.print;

/**
 * One fact a printer reports about itself in its real-time status (Epson ESC/POS {@code DLE EOT n}).
 * Which of them stop printing is decided here, once, so the queue and the status bar agree.
 */
public enum PrinterCondition {
    /** n=1 bit 3: the printer is offline (cover open, paper out, error, or feeding paper). */
    OFFLINE(true),
    /** n=1 bit 5: waiting for online recovery. */
    WAITING_FOR_RECOVERY(true),
    /** n=2 bit 2: the roll cover is open. */
    COVER_OPEN(true),
    /** n=2 bit 3: paper is being fed with the feed button. */
    FEED_BUTTON_PRESSED(false),
    /** n=2 bit 5 or n=4 bits 5-6: printing stopped, the roll is empty. */
    PAPER_OUT(true),
    /** n=4 bits 2-3: the roll is nearly empty; printing goes on, the cashier should get a new roll. */
    PAPER_NEAR_END(false),
    /** n=2 bit 6: an error occurred (details in the n=3 conditions). */
    ERROR(true),
    /** n=3 bit 2: recoverable error, e.g. a paper jam; cleared with the printer's recovery command or power cycle. */
    RECOVERABLE_ERROR(true),
    /** n=3 bit 3: the auto-cutter is jammed or failed. */
    AUTOCUTTER_ERROR(true),
    /** n=3 bit 5: unrecoverable error; the printer needs service. */
    UNRECOVERABLE_ERROR(true),
    /** n=3 bit 6: auto-recoverable error, e.g. print head too hot; it clears by itself. */
    AUTO_RECOVERABLE_ERROR(true);

    private final boolean stopsPrinting;

    PrinterCondition(boolean stopsPrinting) {
        this.stopsPrinting = stopsPrinting;
    }

    /** Whether a job sent now would not print. */
    public boolean stopsPrinting() {
        return stopsPrinting;
    }
}
