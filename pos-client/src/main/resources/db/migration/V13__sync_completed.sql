-- When a sync round last completed without a problem (the status bar's "last sync"), and the issue-2 placeholder
-- sync_state gone: sync_server (V12) holds the acknowledged seq, from the server's signed acknowledgement.
ALTER TABLE sync_server ADD COLUMN last_ok_at TIMESTAMP WITH TIME ZONE;
DROP TABLE sync_state;
