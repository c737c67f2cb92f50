package org.yishi.core.journal;

/**
 * The kinds of journal record. Written by name in the {@code type} field; each has a payload shape documented in
 * docs/journal-format.md and implemented by the matching {@link JournalPayload}.
 */
public enum RecordType {
    /** First record of every journal: announces the till's public key. */
    TILL_START,
    /** A cashier opens a shift with a cash float. */
    SHIFT_OPEN,
    /** A meal sold, with its subsidy split by funder. */
    SALE,
    /** A sale cancelled before it was served; reverses it in full. */
    VOID,
    /** A sale refunded after it was served; reverses it in full. */
    REFUND,
    /** A receipt printed again. */
    REPRINT,
    /** Shift close (Z-report) with shift totals and perpetual grand totals. */
    SHIFT_CLOSE,
    /** A new subsidy policy version took effect on the till. */
    POLICY_UPDATE,
    /** A new elder registry snapshot was loaded. */
    REGISTRY_UPDATE,
    /** The till lost its server connection; sales continue offline. */
    OFFLINE_START,
    /** The till is online again. */
    OFFLINE_END,
    /** The till key is replaced: signed by the old key, announcing the new one. */
    KEY_ROTATION,
    /** An elder's satisfaction rating of a meal (sampled survey). */
    SATISFACTION,
    /** Staff audit: login, failed PIN, lockout, lock/unlock, logout, supervisor approval, no-sale drawer. */
    STAFF,
    /** A card or QR code refused at the counter (lost card, deceased elder, forged code …): the fraud signal. */
    IDENTIFICATION_REFUSED
}
