-- The last record of a type (the shift open in force, the last policy or registry update) is one index probe, not a
-- scan of every mirrored record: a till's mirror holds ~110,000 records a year.
CREATE INDEX journal_mirror_by_type ON journal_mirror (record_type, seq);
