-- The administrator's portal policy: how far reply, reply all, forward, compose and attach
-- reach. One row (id 1), read on every send, so every portal node decides by the same rules
-- the moment they change. Seeded from the SEALPOST_POLICY_* settings on first use; after that
-- the row wins over the settings. The version column lets the admin console's edits fail on
-- a concurrent change instead of silently merging (optimistic locking).
CREATE TABLE portal_policy (
    id                   INTEGER     PRIMARY KEY CHECK (id = 1),
    reply_scope          TEXT        NOT NULL CHECK (reply_scope IN ('DISABLED', 'INTERNAL_ONLY', 'INTERNAL_AND_EXTERNAL')),
    reply_all_scope      TEXT        NOT NULL CHECK (reply_all_scope IN ('DISABLED', 'INTERNAL_ONLY', 'INTERNAL_AND_EXTERNAL')),
    forward_scope        TEXT        NOT NULL CHECK (forward_scope IN ('DISABLED', 'INTERNAL_ONLY', 'INTERNAL_AND_EXTERNAL')),
    compose_scope        TEXT        NOT NULL CHECK (compose_scope IN ('DISABLED', 'INTERNAL_ONLY', 'INTERNAL_AND_EXTERNAL')),
    attach_scope         TEXT        NOT NULL CHECK (attach_scope IN ('DISABLED', 'INTERNAL_ONLY', 'INTERNAL_AND_EXTERNAL')),
    -- IDNA ASCII, lower case, separated by single spaces.
    internal_domains     TEXT        NOT NULL,
    subdomains_internal  BOOLEAN     NOT NULL,
    max_attachment_bytes BIGINT      NOT NULL CHECK (max_attachment_bytes >= 0),
    max_attachment_count INTEGER     NOT NULL CHECK (max_attachment_count >= 0),
    changed_at           TIMESTAMPTZ NOT NULL,
    version              INTEGER     NOT NULL DEFAULT 0
);
