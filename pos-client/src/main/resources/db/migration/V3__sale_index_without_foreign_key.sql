-- The sales index loses its foreign key to journal_mirror. After an unclean shutdown both tables are emptied with
-- TRUNCATE and written again from the journal file (docs/till-store.md: H2 can keep half of a transaction that was in
-- flight at a kill), and H2 cannot truncate a table that a foreign key references. TillJournal checks on every open
-- that each SALE of the mirror has its index row and that the counts of sales, voids and refunds agree.
-- H2 named the constraint itself, so the table is rebuilt rather than altered; its rows are a projection of the
-- journal and are copied as they are.
CREATE TABLE sale_v3 (
    seq               BIGINT    PRIMARY KEY,    -- the SALE's seq in journal_mirror
    receipt_no        VARCHAR   NOT NULL,
    elder_id          VARCHAR,              -- null: a walk-in without subsidy
    identification    VARCHAR   NOT NULL,   -- card | qr | manual | walk_in
    meal_slot         VARCHAR,              -- null if no slot applied
    sale_time         TIMESTAMP NOT NULL,   -- local time in the till's policy zone, as the engine counts
    channel           VARCHAR   NOT NULL,   -- dine_in | delivery
    price_fen         BIGINT    NOT NULL,
    subsidy_fen       BIGINT    NOT NULL,
    copay_fen         BIGINT    NOT NULL,
    rule_ids          VARCHAR   NOT NULL,   -- ';'-joined, stacking order
    provider_rule_ids VARCHAR   NOT NULL,   -- ';'-joined
    policy_id         VARCHAR   NOT NULL,
    policy_version    VARCHAR   NOT NULL,
    shift_no          BIGINT    NOT NULL,
    voided_by_seq     BIGINT,               -- the VOID record that cancelled it
    refunded_by_seq   BIGINT                -- the REFUND record that reversed it
);
INSERT INTO sale_v3 SELECT seq, receipt_no, elder_id, identification, meal_slot, sale_time, channel, price_fen, subsidy_fen,
    copay_fen, rule_ids, provider_rule_ids, policy_id, policy_version, shift_no, voided_by_seq, refunded_by_seq FROM sale;
DROP TABLE sale;
ALTER TABLE sale_v3 RENAME TO sale;
CREATE INDEX sale_elder_time ON sale(elder_id, sale_time);
CREATE INDEX sale_receipt ON sale(receipt_no);
