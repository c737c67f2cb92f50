package org.yishi.receipts.content;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.yishi.receipts.ReceiptKind;
import org.yishi.receipts.escpos.PrinterProfile;

/**
 * A printer test page: the profile, rulers that must end exactly at the paper edge, styles, Chinese text and a QR.
 *
 * @param context the till
 * @param profile the printer profile being tested
 * @param time    when it was printed
 */
public record TestPage(ReceiptContext context, PrinterProfile profile, OffsetDateTime time) implements ReceiptModel {

    public TestPage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(time, "time");
    }

    /** What the test page's QR reads: a receipt code for sequence 0, which no record has. */
    public String qrPayload() {
        return VerificationCode.PREFIX + context.tillId() + ".0.000000000000";
    }

    @Override
    public ReceiptKind kind() {
        return ReceiptKind.TEST_PAGE;
    }

    @Override
    public String receiptId() {
        return context.tillId() + "-TEST";
    }

    @Override
    public boolean kicksDrawer() {
        return false;
    }
}
