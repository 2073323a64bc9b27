-- Messages being written in the portal, and their files. Sealed like messages: what was
-- typed (To, Cc, subject, text) and the file names exist only inside ciphertext, under a
-- fresh data key per draft and per file wrapped by the key-encryption key; deleting a row
-- deletes its wrapped key, so a discarded draft cannot be read back from a backup
-- (crypto-shredding). In clear only what the Drafts folder sorts and the send checks by:
-- the kind, the original answered, times, sizes.
CREATE TABLE draft (
    id                BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id        BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    action            TEXT        NOT NULL CHECK (action IN ('REPLY', 'REPLY_ALL', 'FORWARD', 'COMPOSE')),
    -- The account's mailbox entry answered or forwarded. SET NULL: deleting the original for
    -- ever leaves the draft (the quoted text is in the draft itself); its forwarded files go.
    original_entry_id BIGINT      REFERENCES mailbox_entry (id) ON DELETE SET NULL,
    seal_id           UUID        NOT NULL,
    kek_version       INTEGER     NOT NULL,
    wrapped_key       BYTEA       NOT NULL,
    content_ciphertext BYTEA      NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    saved_at          TIMESTAMPTZ NOT NULL,
    version           INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT draft_compose_has_no_original CHECK (action <> 'COMPOSE' OR original_entry_id IS NULL)
);
ALTER TABLE draft
    ALTER COLUMN content_ciphertext SET STORAGE EXTERNAL,
    ALTER COLUMN wrapped_key SET STORAGE EXTERNAL;
-- The Drafts folder: one account's drafts, last saved first.
CREATE INDEX draft_by_account ON draft (account_id, saved_at DESC, id DESC);

-- One uploaded file of a draft. The content is encrypted in 64 KiB chunks (each its own
-- AES-GCM seal, bound to its index and to whether it is the last), so it is written and read
-- as a stream and never whole in memory.
CREATE TABLE draft_attachment (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id           BIGINT      NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    seal_id            UUID        NOT NULL,
    kek_version        INTEGER     NOT NULL,
    wrapped_key        BYTEA       NOT NULL,
    -- File name and content type, sealed.
    label_ciphertext   BYTEA       NOT NULL,
    content_ciphertext BYTEA       NOT NULL,
    size_bytes         BIGINT      NOT NULL CHECK (size_bytes >= 0),
    added_at           TIMESTAMPTZ NOT NULL
);
ALTER TABLE draft_attachment
    ALTER COLUMN content_ciphertext SET STORAGE EXTERNAL,
    ALTER COLUMN label_ciphertext SET STORAGE EXTERNAL,
    ALTER COLUMN wrapped_key SET STORAGE EXTERNAL;
CREATE INDEX draft_attachment_by_draft ON draft_attachment (draft_id, id);
