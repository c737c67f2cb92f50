package org.yishi.receipts;

/**
 * What a printed receipt is: decides its layout, its markings and whether the cash drawer may open; the print
 * queue and the till's reprint screen sort by it. {@link #DRAWER_KICK} is the one job that prints nothing: the
 * drawer pulse alone, for a supervisor-approved no-sale opening ({@code escpos.DrawerKick}).
 */
public enum ReceiptKind {
    SALE, VOID, REFUND, REPRINT, Z_REPORT, TEST_PAGE, DRAWER_KICK
}
