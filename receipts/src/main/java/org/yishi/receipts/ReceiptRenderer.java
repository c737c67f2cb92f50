package org.yishi.receipts;

import java.util.Objects;
import org.yishi.receipts.content.ReceiptComposer;
import org.yishi.receipts.content.ReceiptModel;
import org.yishi.receipts.content.ReceiptTexts;
import org.yishi.receipts.escpos.EscPosEncoder;
import org.yishi.receipts.escpos.PrinterProfile;
import org.yishi.receipts.layout.LaidReceipt;
import org.yishi.receipts.layout.LayoutEngine;

/**
 * The till's one call to print: receipt model → blocks (in the till's language) → lines for the printer's paper
 * → ESC/POS bytes. {@link #lay} gives the lines for the on-screen preview, so paper and screen show the same thing.
 * Thread-safe: each call makes its own layout engine.
 */
public final class ReceiptRenderer {

    private final ReceiptComposer composer;
    private final PrinterProfile profile;
    private final EscPosEncoder encoder;

    public ReceiptRenderer(ReceiptTexts texts, PrinterProfile profile) {
        this.composer = new ReceiptComposer(texts);
        this.profile = Objects.requireNonNull(profile, "profile");
        this.encoder = new EscPosEncoder(profile);
    }

    /** The receipt laid out for this printer's paper (what {@link #render} encodes and the preview draws). */
    public LaidReceipt lay(ReceiptModel model) {
        return new LayoutEngine(profile.paper()).lay(composer.compose(model));
    }

    /**
     * The printable receipt.
     *
     * @throws IllegalArgumentException for an empty receipt or an amount no receipt can carry, naming which
     */
    public RenderedReceipt render(ReceiptModel model) {
        byte[] bytes = encoder.encode(lay(model), model.kicksDrawer());
        return new RenderedReceipt(model.receiptId(), model.kind(), bytes, model.kicksDrawer());
    }

    public PrinterProfile profile() {
        return profile;
    }
}
