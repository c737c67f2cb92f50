package org.yishi.receipts;

/** What a printed receipt is: decides its layout, its markings and whether the cash drawer may open. */
public enum ReceiptKind {
    SALE, VOID, REFUND, REPRINT, Z_REPORT, TEST_PAGE
}
