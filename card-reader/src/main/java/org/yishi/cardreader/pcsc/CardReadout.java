package org.yishi.cardreader.pcsc;

/** What one read of a presented card gave. */
sealed interface CardReadout {

    /** The UID (canonical) and, when configured and present, the elder number from the card's file. */
    record Identified(String uid, String elderNo) implements CardReadout { }

    /** The card answered but cannot identify an elder here, e.g. status word {@code 6A 81} to GET DATA. */
    record Unsupported(String detail) implements CardReadout { }

    /** The read did not finish: the card left, the reader went, the service stopped, or nothing answered. */
    record Failed(PcscFailure failure) implements CardReadout { }
}
