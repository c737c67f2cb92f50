package org.yishi.till.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;
import org.yishi.receipts.RenderedReceipt;
import org.yishi.receipts.ReceiptRenderer;
import org.yishi.receipts.content.JournalRef;
import org.yishi.receipts.content.ReceiptContext;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReprintReceipt;
import org.yishi.receipts.content.ReversalReceipt;
import org.yishi.receipts.content.SaleReceipt;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.print.Admission;
import org.yishi.receipts.print.PrintQueue;

/**
 * Turns journal records into receipts for this till's printer and hands them to the print queue. Keeps the last
 * receipts laid out so the till can show one on screen (the preview when there is no printer, or "show me the
 * receipt" after a print failed).
 */
public final class ReceiptDesk {

    private static final int KEEP = 50;

    private final ReceiptRenderer renderer;
    private final ReceiptContext context;
    private final PrintQueue queue;
    private final Map<String, LaidReceipt> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LaidReceipt> eldest) {
            return size() > KEEP;
        }
    };

    public ReceiptDesk(ReceiptRenderer renderer, ReceiptContext context, PrintQueue queue) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.context = Objects.requireNonNull(context, "context");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    RenderedReceipt sale(SignedRecord record, SalePayload sale, String cashierName, String elderName, OptionalInt mealsLeft) {
        return render(new SaleReceipt(context, JournalRef.of(record), sale, cashierName, elderName, mealsLeft));
    }

    RenderedReceipt reversal(SignedRecord record, ReversalPayload reversal, String cashierName, String approverName,
            String elderName) {
        return render(new ReversalReceipt(context, JournalRef.of(record), reversal, cashierName, approverName, elderName));
    }

    RenderedReceipt reprint(SignedRecord original, SalePayload sale, String originalCashierName, SignedRecord reprint,
            ReprintPayload payload, String staffName, String elderName) {
        SaleReceipt originalReceipt = new SaleReceipt(context, JournalRef.of(original), sale, originalCashierName,
                elderName, OptionalInt.empty());
        return render(new ReprintReceipt(originalReceipt, JournalRef.of(reprint), payload, staffName));
    }

    /** Renders any receipt model for this till's printer (the shift close's Z-report comes through here too). */
    public synchronized RenderedReceipt render(ReceiptModel model) {
        LaidReceipt laid = renderer.lay(model);
        recent.put(model.receiptId(), laid);
        return renderer.render(model);
    }

    /** Hands a receipt to the printer; never blocks and never throws for a printer problem. */
    public Admission submit(RenderedReceipt receipt) {
        return queue.submit(receipt);
    }

    /** A recent receipt laid out as printed, for the on-screen preview. */
    public synchronized Optional<LaidReceipt> laidOut(String receiptId) {
        return Optional.ofNullable(recent.get(receiptId));
    }

    /** The till's receipt header data (canteen, till, funder names, zone). */
    public ReceiptContext context() {
        return context;
    }

    public ReceiptRenderer renderer() {
        return renderer;
    }
}
