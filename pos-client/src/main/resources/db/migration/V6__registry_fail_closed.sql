-- Registry imports fail closed (docs/registry-csv.md):
-- * A row the import refuses does not leave the elder or card as it was (a refused LOST row would otherwise keep a
--   lost card working): the record is blocked. blocked_reason says which file line and why; a card is blocked by
--   status BLOCKED, an elder by a non-null blocked_reason (the cache then hands it out as not active). The next valid
--   row clears it.
-- * A full export replaces the cache: every row an import writes or blocks is stamped with that import's generation,
--   and after a full import the rows of older generations (absent from the export) are removed.
ALTER TABLE elder ADD COLUMN blocked_reason VARCHAR(500);
ALTER TABLE elder ADD COLUMN import_generation BIGINT;
ALTER TABLE card ADD COLUMN blocked_reason VARCHAR(500);
ALTER TABLE card ADD COLUMN import_generation BIGINT;
CREATE SEQUENCE registry_import_generation;
