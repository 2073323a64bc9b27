-- A second factor for signing in (issue 12, ADR 0013): a TOTP authenticator (RFC 6238) per
-- account and ten single-use recovery codes. Required for administrators in production,
-- chosen by recipients on their account page.
--
-- The TOTP secret is sealed like a message (a fresh data key wrapped by the key-encryption
-- key, AES-256-GCM with the row's seal id in the associated data): a database dump alone
-- cannot compute a single code. One row per account; a row without confirmed_at is an
-- enrolment the owner has not yet confirmed with a code, and signs nobody in.
CREATE TABLE second_factor (
    account_id        BIGINT      PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    seal_id           UUID        NOT NULL,
    kek_version       INTEGER     NOT NULL,
    wrapped_key       BYTEA       NOT NULL,
    secret_ciphertext BYTEA       NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    confirmed_at      TIMESTAMPTZ,
    -- The newest 30-second time step (RFC 6238 §4, T = floor(unix time / 30)) whose code was
    -- accepted. A code is accepted only for a later step, by one conditional UPDATE, so the
    -- same code cannot sign in twice, not even on two nodes at the same instant (§5.2).
    last_used_step    BIGINT,
    version           INTEGER     NOT NULL DEFAULT 0
);

-- Recovery codes: 80 random bits each, shown once, stored as SHA-256 over the account id and
-- the code (ADR 0013 says why a fast hash suffices for codes of that entropy). used_at set =
-- spent; a regeneration deletes the old set.
CREATE TABLE recovery_code (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   BYTEA       NOT NULL CHECK (length(code_hash) = 32),
    created_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    CONSTRAINT recovery_code_unique UNIQUE (account_id, code_hash)
);
