package org.yishi.receipts.escpos;

/** How a printer gets a QR code. */
public enum QrMode {
    /**
     * The printer draws it: {@code GS ( k} with model 2 selected by the byte 50 (escpos-coffee's own QR command
     * sends 0x30/0x31 there, which Epson-compatible firmware ignores or misreads).
     */
    NATIVE,
    /** We draw it and send a raster bit image ({@code GS v 0}): for printers without a QR engine. */
    RASTER
}
