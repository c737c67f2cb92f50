-- Administrator API tokens (docs/server.md, "API tokens"): a bearer token stands for one server account, with that
-- account's role at the moment of use. Only the SHA-256 of the token is kept; revoked and expired tokens stay listed.
CREATE TABLE api_token (
    token_id     VARCHAR(16) PRIMARY KEY,
    token_hash   CHAR(64) NOT NULL UNIQUE,
    username     VARCHAR(64) NOT NULL REFERENCES server_user (username),
    label        VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_by_user ON api_token (username);
