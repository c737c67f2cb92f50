package org.yishi.till.store.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.yishi.core.journal.EarlierRecords;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.JournalResume;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;
import org.yishi.till.store.TillDatabase;

/**
 * What the journal's rules need to know about the records up to a checkpoint, answered from the till database's mirror
 * and sales index (one indexed probe each) instead of from memory: so a till that resumes its journal from a
 * checkpoint holds nothing per earlier record. Every answer is as of the checkpoint's seq — rows the mirror holds
 * beyond it are not counted — so a checkpoint older than the mirror still gives the journal's state at that seq.
 */
final class MirrorEarlierRecords implements EarlierRecords, JournalResume.EarlierOffsets {

    private static final List<String> REVERSALS = List.of(RecordType.VOID.name(), RecordType.REFUND.name());
    private static final List<String> RATINGS = List.of(RecordType.SATISFACTION.name());
    private static final List<String> REPRINTS = List.of(RecordType.REPRINT.name());

    private final TillDatabase db;
    private final long upTo;

    /** @param upTo the checkpoint's seq: the last record these answers cover */
    MirrorEarlierRecords(TillDatabase db, long upTo) {
        this.db = db;
        this.upTo = upTo;
    }

    @Override
    public Optional<RecordType> typeAt(long seq) {
        return query(m -> Optional.ofNullable(m.recordTypeAt(seq, upTo)).map(RecordType::valueOf));
    }

    @Override
    public Optional<EarlierSale> sale(long seq) {
        return query(m -> {
            if (!RecordType.SALE.name().equals(m.recordTypeAt(seq, upTo))) {
                return Optional.empty();
            }
            SalePayload sale = (SalePayload) JournalReader.parseLine(m.lineAt(seq, upTo)).typedPayload();
            List<MirrorRow> reversals = m.referring(seq, upTo, REVERSALS);
            List<MirrorRow> ratings = m.referring(seq, upTo, RATINGS);
            MirrorRow reversal = reversals.isEmpty() ? null : reversals.get(0);
            return Optional.of(new EarlierSale(sale.amounts(), reversal == null ? 0 : reversal.seq(),
                    reversal == null ? null : RecordType.valueOf(reversal.recordType()), ratings.isEmpty() ? 0 : ratings.get(0).seq()));
        });
    }

    @Override
    public boolean receiptNoUsed(String receiptNo) {
        return query(m -> m.receiptUses(receiptNo, upTo) > 0);
    }

    @Override
    public boolean billIdUsed(String billId) {
        return query(m -> m.billUses(billId, upTo) > 0);
    }

    @Override
    public long reprintCount(long seq) {
        return query(m -> (long) m.referring(seq, upTo, REPRINTS).size());
    }

    @Override
    public long offsetOf(long seq) {
        Long offset = query(m -> m.fileOffsetAt(seq));
        if (offset == null) {
            throw new IllegalStateException("the till database does not know where journal record " + seq + " starts");
        }
        return offset;
    }

    private <T> T query(Function<LedgerMapper, T> question) {
        try (SqlSession s = db.sessions().openSession()) {
            return question.apply(s.getMapper(LedgerMapper.class));
        }
    }
}
