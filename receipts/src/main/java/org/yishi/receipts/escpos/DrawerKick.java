package org.yishi.receipts.escpos;

import com.github.anastaciocintra.escpos.EscPos;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.RenderedReceipt;

/**
 * The print job that opens the cash drawer and prints nothing ({@code ESC @}, then the same {@code ESC p} pulse a
 * cash receipt carries): for a no-sale opening a supervisor approved. It goes through the print queue like any
 * receipt, because the drawer hangs off the printer. Thread-safe: it keeps no state between calls.
 */
public final class DrawerKick {

    private final PrinterProfile profile;

    public DrawerKick(PrinterProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** The bytes: initialise, pulse. No text, no feed, no cut — no paper is used. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        try (EscPos escpos = new EscPos(out)) {
            escpos.initializePrinter();
            EscPosEncoder.pulseDrawer(escpos, profile);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a drawer kick", e);
        }
        return out.toByteArray();
    }

    /**
     * The kick as a print job of kind {@link ReceiptKind#DRAWER_KICK}.
     *
     * @param jobId what the queue and its held-job files know it by (e.g. {@code T01-drawer-20250312T113205})
     */
    public RenderedReceipt job(String jobId) {
        return new RenderedReceipt(jobId, ReceiptKind.DRAWER_KICK, bytes(), true);
    }
}
