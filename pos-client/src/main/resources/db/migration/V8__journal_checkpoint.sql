-- A till opens from a checkpoint instead of replaying its whole journal (docs/till-store.md, "Opening from a
-- checkpoint"). The journal writer takes the journal up at the checkpoint's record and asks this database what its
-- rules need to know about earlier records — which record a VOID, REFUND, REPRINT or SATISFACTION names, which
-- receipt numbers and bill ids were used — and where each earlier record starts in the file.

-- The seq a VOID, REFUND, REPRINT or SATISFACTION names; null for other records.
ALTER TABLE journal_mirror ADD COLUMN refers_to BIGINT;
-- Where the record's line starts in the journal file (bytes), so an old record is read with one seek.
ALTER TABLE journal_mirror ADD COLUMN file_offset BIGINT;
CREATE INDEX journal_mirror_refers_to ON journal_mirror (refers_to, record_type);

-- The bill a SALE sold (null for sales written before bills had ids): a bill is sold once.
ALTER TABLE sale ADD COLUMN bill_id VARCHAR;
CREATE INDEX sale_bill ON sale (bill_id);
-- An open from a checkpoint compares the sales index with the mirror for the records after it only.
CREATE INDEX sale_voided_by ON sale (voided_by_seq);
CREATE INDEX sale_refunded_by ON sale (refunded_by_seq);

-- The verified journal state after record seq (JournalCheckpoint, canonical JSON), and where that record starts in
-- the file. At most one row; written after open and at a clean close, removed whenever the mirror is emptied.
CREATE TABLE journal_checkpoint (
    id            INT     PRIMARY KEY CHECK (id = 1),
    seq           BIGINT  NOT NULL,
    record_offset BIGINT  NOT NULL,
    checkpoint    VARCHAR NOT NULL
);

-- Rows mirrored before this version lack refers_to and file_offset: empty the index, which the next open rebuilds
-- from the journal file (the system of record). A one-time full replay.
TRUNCATE TABLE sale;
TRUNCATE TABLE journal_mirror;
