package org.yishi.receipts.content;

/**
 * The text of a receipt's verification QR: {@code YSR1.<till>.<seq>.<hash12>} — format version 1, the till id,
 * the journal sequence number in decimal and the first 12 hex digits of the record's SHA-256. The settlement server
 * resolves it to the record and checks the prefix; 48 bits of hash make a forged receipt that matches a real
 * record impractical, and keep the code small (version 2, about 40 characters) for a 58 mm roll.
 *
 * <p>It is deliberately not a signed elder token ({@code YSQ1...}): the till's QR verifier refuses it as
 * {@code WRONG_KIND}, so a receipt held up to the scanner never identifies anyone.
 */
public final class VerificationCode {

    public static final String PREFIX = "YSR1.";

    private VerificationCode() {
    }

    public static String of(String tillId, JournalRef record) {
        return PREFIX + tillId + "." + record.seq() + "." + record.shortHash();
    }
}
