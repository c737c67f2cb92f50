-- A registry import through TillStore.importRegistry is also journalled (REGISTRY_UPDATE with the SHA-256 of the
-- files). The cache remembers which snapshot it holds, so that on open a cache older than the journal says (H2 can
-- fall back to an older version of its file, or lose its last half second) is noticed and re-imported.
ALTER TABLE registry_import ADD COLUMN registry_version VARCHAR(64);
ALTER TABLE registry_import ADD COLUMN content_sha256 CHAR(64);
