package org.yishi.core.journal;

/** What is wrong with the first bad record of a journal. */
public enum ProblemKind {
    /** The line cannot be read as {@code <signature> <body>}: bad UTF-8, bad JSON, missing or ill-typed field. */
    MALFORMED,
    /** Valid JSON but not the one canonical byte form (whitespace, member order, escapes, time form). */
    NOT_CANONICAL,
    /** A record names another till than the journal's first record (or than the till expected). */
    WRONG_TILL,
    /** {@code seq} is not the previous one plus one: records missing, duplicated or reordered. */
    SEQUENCE_GAP,
    /** {@code prev} is not the hash of the previous record's body. */
    BAD_HASH_CHAIN,
    /** Signed with a key other than the one in force, or a TILL_START key that is not trusted. */
    UNKNOWN_KEY,
    /** The Ed25519 signature does not verify with the key in force. */
    BAD_SIGNATURE,
    /** The payload does not have the documented shape or is internally inconsistent (e.g. copay ≠ price − subsidy). */
    INVALID_PAYLOAD,
    /** A record that cannot happen at this point: TILL_START not first, a sale outside a shift, a second OFFLINE_START. */
    OUT_OF_ORDER_EVENT,
    /** A VOID/REFUND/REPRINT/SATISFACTION/SHIFT_CLOSE reference to a record that does not exist, has the wrong type,
     *  was already reversed, or whose copied amounts differ. */
    BAD_REFERENCE,
    /** A SALE reuses the receipt number, or the bill id, of an earlier SALE: one meal recorded twice. */
    DUPLICATE_SALE,
    /** SHIFT_CLOSE totals differ from the totals recomputed from the records. */
    TOTALS_MISMATCH,
    /** The journal ends before an externally known anchor (or is empty). */
    MISSING_RECORDS,
    /** The record at an externally known anchor has another hash. */
    ANCHOR_MISMATCH
}
