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

-- Mail the account flows send besides arrival notifications: a fresh registration link asked
-- for on an expired-link page, and a password-reset link.
ALTER TABLE outbound_mail DROP CONSTRAINT outbound_mail_kind_check;
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_kind_check
    CHECK (kind IN ('NOTIFY_NEW_MESSAGE', 'REGISTRATION_LINK', 'PASSWORD_RESET', 'RELAY'));

-- A password change or reset ends every other session: sessions that signed in before this
-- instant are refused on their next request, on whichever node they land.
ALTER TABLE account ADD COLUMN sessions_valid_after TIMESTAMPTZ;
