-- Sealpost schema, version 1: accounts, the encrypted message store, mailboxes, the durable
-- outbound queue and the audit trail. Nothing readable about a message is stored in clear:
-- subject, sender name, body and attachment names live only inside the ciphertext columns.

CREATE TABLE account (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Case-folded at the application boundary; the unique constraint then makes
    -- "Anna@Example.org" and "anna@example.org" one account.
    email          TEXT        NOT NULL CONSTRAINT account_email_unique UNIQUE,
    role           TEXT        NOT NULL CHECK (role IN ('RECIPIENT', 'ADMIN')),
    state          TEXT        NOT NULL CHECK (state IN ('PENDING', 'ACTIVE', 'LOCKED', 'DISABLED')),
    password_hash  TEXT,
    failed_logins  INTEGER     NOT NULL DEFAULT 0,
    locked_until   TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_login_at  TIMESTAMPTZ,
    version        INTEGER     NOT NULL DEFAULT 0
);

-- One row per message, encrypted once however many recipients it has.
CREATE TABLE message_content (
    id                  UUID        PRIMARY KEY,
    kek_version         INTEGER     NOT NULL,
    wrapped_key         BYTEA       NOT NULL,
    metadata_ciphertext BYTEA       NOT NULL,
    mime_ciphertext     BYTEA       NOT NULL,
    size_bytes          BIGINT      NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL
);
-- Ciphertext does not compress; EXTERNAL skips PostgreSQL's futile pglz attempt
-- (measured +30% insert rate on 10 KB rows, RUNTIME-NOTES).
ALTER TABLE message_content
    ALTER COLUMN mime_ciphertext SET STORAGE EXTERNAL,
    ALTER COLUMN metadata_ciphertext SET STORAGE EXTERNAL,
    ALTER COLUMN wrapped_key SET STORAGE EXTERNAL;

CREATE TABLE mailbox_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT      NOT NULL REFERENCES account (id),
    content_id  UUID        NOT NULL REFERENCES message_content (id),
    folder      TEXT        NOT NULL CHECK (folder IN ('INBOX', 'SENT', 'TRASH')),
    is_read     BOOLEAN     NOT NULL DEFAULT FALSE,
    received_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ,
    CONSTRAINT mailbox_entry_once_per_account UNIQUE (account_id, content_id)
);
-- The inbox query: one account's folder, newest first, paged.
CREATE INDEX mailbox_entry_folder_listing ON mailbox_entry (account_id, folder, received_at DESC, id DESC);
CREATE INDEX mailbox_entry_by_content ON mailbox_entry (content_id);

-- The durable outbound queue: notifications and mail to internal recipients. Workers claim
-- due rows with SELECT ... FOR UPDATE SKIP LOCKED so two portal nodes never send one twice.
CREATE TABLE outbound_mail (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            TEXT        NOT NULL CHECK (kind IN ('NOTIFY_NEW_MESSAGE', 'RELAY')),
    recipient       TEXT        NOT NULL,
    account_id      BIGINT      REFERENCES account (id),
    content_id      UUID        REFERENCES message_content (id) ON DELETE SET NULL,
    state           TEXT        NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX outbound_mail_due ON outbound_mail (next_attempt_at) WHERE state = 'QUEUED';

CREATE TABLE audit_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    target_type    TEXT,
    target_id      TEXT,
    client_address TEXT,
    detail         TEXT
);
CREATE INDEX audit_event_by_time ON audit_event (occurred_at DESC);
