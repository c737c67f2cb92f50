-- Other tills' subsidised meals, as the settlement server reports them (docs/sync-protocol.md, "Usage"), so the
-- limits count an elder's lunch at every till once it has synced. Keyed by origin (till, seq): a page received twice
-- changes nothing. Rebuildable: empty it and the next sync round asks for everything again.
CREATE TABLE remote_usage (
    origin_till       VARCHAR(64)  NOT NULL,
    origin_seq        BIGINT       NOT NULL,
    elder_id          VARCHAR(32)  NOT NULL,
    sale_time         TIMESTAMP    NOT NULL,   -- local time in the till's zone, as the sales index keeps its own
    meal_slot         VARCHAR(32)  NOT NULL,
    channel           VARCHAR(16)  NOT NULL,
    subsidy_fen       BIGINT       NOT NULL,
    rule_ids          VARCHAR(1000) NOT NULL,  -- ';'-separated
    provider_rule_ids VARCHAR(1000) NOT NULL,
    reversed_by_seq   BIGINT,
    PRIMARY KEY (origin_till, origin_seq)
);
CREATE INDEX remote_usage_by_elder ON remote_usage (elder_id, sale_time);

-- Per other till, the highest seq the server has told this till about: the next request starts there.
CREATE TABLE remote_usage_cursor (
    origin_till VARCHAR(64) NOT NULL PRIMARY KEY,
    seen_up_to  BIGINT      NOT NULL
);
