package org.yishi.till.store.ledger;

import java.time.OffsetDateTime;
import org.yishi.core.journal.ReprintPayload;
import org.yishi.core.journal.ReversalPayload;
import org.yishi.core.journal.SatisfactionPayload;
import org.yishi.core.journal.SignedRecord;

/**
 * A row of {@code journal_mirror}: one journal line and the fields a query needs without parsing it.
 *
 * @param refersTo   the seq a VOID, REFUND, REPRINT or SATISFACTION names, else null
 * @param fileOffset where the line starts in the journal file
 */
record MirrorRow(long seq, String recordType, OffsetDateTime recordTime, String recordHash, String prevHash, String line,
        Long refersTo, Long fileOffset) {

    static MirrorRow of(SignedRecord r, long fileOffset) {
        return new MirrorRow(r.seq(), r.type().name(), r.time(), r.hash(), r.prevHash(), r.line(), refersTo(r), fileOffset);
    }

    private static Long refersTo(SignedRecord r) {
        Object payload = r.typedPayload();
        if (payload instanceof ReversalPayload reversal) {
            return reversal.originalSeq();
        }
        if (payload instanceof ReprintPayload reprint) {
            return reprint.originalSeq();
        }
        if (payload instanceof SatisfactionPayload rating) {
            return rating.saleSeq();
        }
        return null;
    }
}
