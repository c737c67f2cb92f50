package org.yishi.till.store.ledger;

import java.time.OffsetDateTime;
import org.yishi.core.journal.SignedRecord;

/** A row of {@code journal_mirror}: one journal line and the fields a query needs without parsing it. */
record MirrorRow(long seq, String recordType, OffsetDateTime recordTime, String recordHash, String prevHash, String line) {

    static MirrorRow of(SignedRecord r) {
        return new MirrorRow(r.seq(), r.type().name(), r.time(), r.hash(), r.prevHash(), r.line());
    }
}
