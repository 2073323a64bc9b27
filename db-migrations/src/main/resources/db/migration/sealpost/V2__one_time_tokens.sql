-- One-time links for registration and password reset. Only a SHA-256 hash of the 256-bit
-- token is stored, so a database dump cannot be turned into working links; the link is spent
-- when its form is submitted (used_at), never when it is merely opened, because mail scanners
-- follow links.
CREATE TABLE one_time_token (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    purpose     TEXT        NOT NULL CHECK (purpose IN ('REGISTER', 'RESET_PASSWORD')),
    token_hash  BYTEA       NOT NULL CONSTRAINT one_time_token_hash_unique UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX one_time_token_by_account ON one_time_token (account_id, purpose);
