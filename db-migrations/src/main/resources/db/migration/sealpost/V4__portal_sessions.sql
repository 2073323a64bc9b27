-- The signed-in sessions of each account, so the account page can list them and end one of
-- them on whichever portal node it lives. PostgreSQL is the single source of truth: every
-- node checks a session's row on each request (together with the account row, in the one
-- query the validity filter already made) and refuses the session once its row is ended.
--
-- The handle is a random 128-bit value that names the row on the account page. It is never
-- the servlet session id, and nothing stored here lets anyone take a session over: the
-- session cookie is known only to the browser and the node's memory.
CREATE TABLE portal_session (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle         TEXT        NOT NULL CONSTRAINT portal_session_handle_unique UNIQUE
                               CHECK (handle ~ '^[A-Za-z0-9_-]{22}$'),
    account_id     BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    signed_in_at   TIMESTAMPTZ NOT NULL,
    -- Written at most once a minute per session, so the per-request check stays a read.
    last_seen_at   TIMESTAMPTZ NOT NULL,
    client_address TEXT,
    -- A short summary of the User-Agent header ("Firefox on Windows"), never the raw header.
    device         TEXT        NOT NULL CHECK (length(device) <= 64),
    ended_at       TIMESTAMPTZ,
    end_reason     TEXT        CHECK (end_reason IN ('SIGNED_OUT', 'EXPIRED', 'ENDED_FROM_OTHER_SESSION',
                                                     'SIGNED_OUT_EVERYWHERE', 'PASSWORD_REPLACED')),
    CONSTRAINT portal_session_ended_with_reason CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- The account page's list: one account's sessions that have not ended.
CREATE INDEX portal_session_open_by_account ON portal_session (account_id, last_seen_at DESC)
    WHERE ended_at IS NULL;
-- Ended rows are kept a while for the owner's own questions, then purged by age.
CREATE INDEX portal_session_ended ON portal_session (ended_at) WHERE ended_at IS NOT NULL;
