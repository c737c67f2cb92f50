package org.yishi.till.store.ledger;

import java.time.ZoneId;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SalePayload;
import org.yishi.core.journal.SignedRecord;

/**
 * How a journal record shows in the till database: always a mirror row; a SALE also a sales-index row; a VOID or
 * REFUND marks the sale it reverses. The one projection used both when a record is committed and when the database
 * is brought up to date or rebuilt from the journal file, so the two can never drift apart.
 */
final class JournalProjection {

    private final ZoneId zone;

    /** @param zone the zone sale times are indexed in (the policy's: limits count days and meal slots there) */
    JournalProjection(ZoneId zone) {
        this.zone = zone;
    }

    /** Writes {@code record}, whose line starts at byte {@code fileOffset} of the journal, through {@code mapper}; the caller owns the transaction. */
    void apply(LedgerMapper mapper, SignedRecord record, long fileOffset) {
        mapper.insertMirror(MirrorRow.of(record, fileOffset));
        applyToSalesIndex(mapper, record);
    }

    /** The sales-index part alone, for rebuilding the index from a mirror that is already complete. */
    void applyToSalesIndex(LedgerMapper mapper, SignedRecord record) {
        switch (record.type()) {
            case SALE -> mapper.insertSale(SaleRow.of(record, (SalePayload) record.typedPayload(), zone));
            case VOID -> requireSale(mapper.markVoided(reversal(record).originalSeq(), record.seq()), record);
            case REFUND -> requireSale(mapper.markRefunded(reversal(record).originalSeq(), record.seq()), record);
            default -> {
                // other records live in the mirror only
            }
        }
    }

    private static ReversalPayload reversal(SignedRecord record) {
        return (ReversalPayload) record.typedPayload();
    }

    /** A batch executor reports a placeholder count; a plain one reports 0 when the sale is not indexed. */
    private static void requireSale(int updated, SignedRecord reversal) {
        if (updated == 0) {
            throw new IllegalStateException(reversal.type() + " at seq " + reversal.seq() + " reverses seq "
                    + reversal(reversal).originalSeq() + ", which is not in the sales index: the index is not a prefix of the journal");
        }
    }
}
