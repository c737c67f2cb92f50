-- What the till knows of its settlement server (docs/sync-protocol.md): the registry change it has installed, and the
-- latest signed acknowledgement (its outside anchor). Rebuildable: with it gone the till asks the server again.
CREATE TABLE sync_server (
    id              INT PRIMARY KEY CHECK (id = 1),
    registry_change BIGINT NOT NULL,
    ack_seq         BIGINT NOT NULL,
    ack_json        CLOB,
    last_round_at   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
INSERT INTO sync_server (id, registry_change, ack_seq) VALUES (1, 0, 0);
