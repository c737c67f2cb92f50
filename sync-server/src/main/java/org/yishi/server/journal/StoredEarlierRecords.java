package org.yishi.server.journal;

import java.util.Optional;
import org.yishi.core.journal.EarlierRecords;
import org.yishi.core.journal.JournalReader;
import org.yishi.core.journal.RecordType;
import org.yishi.core.journal.SalePayload;

/**
 * What the verifier needs to know of a till's records the server already holds, answered by indexed queries on
 * {@code journal_record} (never by reading the whole journal): a batch in year five costs what it cost on day one.
 */
final class StoredEarlierRecords implements EarlierRecords {

    private final JournalMapper records;
    private final String tillId;

    StoredEarlierRecords(JournalMapper records, String tillId) {
        this.records = records;
        this.tillId = tillId;
    }

    @Override
    public Optional<RecordType> typeAt(long seq) {
        return Optional.ofNullable(records.typeAt(tillId, seq)).map(RecordType::valueOf);
    }

    @Override
    public Optional<EarlierSale> sale(long seq) {
        if (!"SALE".equals(records.typeAt(tillId, seq))) {
            return Optional.empty();
        }
        SalePayload sale = (SalePayload) JournalReader.parseLine(records.line(tillId, seq)).typedPayload();
        long reversedBy = 0;
        RecordType reversedAs = null;
        long ratedBy = 0;
        for (JournalMapper.Reference ref : records.referencesTo(tillId, seq)) {
            RecordType type = RecordType.valueOf(ref.recordType());
            if ((type == RecordType.VOID || type == RecordType.REFUND) && reversedBy == 0) {
                reversedBy = ref.seq();
                reversedAs = type;
            } else if (type == RecordType.SATISFACTION && ratedBy == 0) {
                ratedBy = ref.seq();
            }
        }
        return Optional.of(new EarlierSale(sale.amounts(), reversedBy, reversedAs, ratedBy));
    }

    @Override
    public boolean receiptNoUsed(String receiptNo) {
        return records.receiptCount(tillId, receiptNo) > 0;
    }

    @Override
    public boolean billIdUsed(String billId) {
        return records.billCount(tillId, billId) > 0;
    }

    @Override
    public long reprintCount(long seq) {
        return records.referencesTo(tillId, seq).stream().filter(r -> r.recordType().equals("REPRINT")).count();
    }
}
