-- Key-encryption key (KEK) rotation (issue 13, ADR 0012).
--
-- Every data key is stored wrapped under one KEK version, in the row of what it encrypts:
-- message_content, draft and draft_attachment (kek_version, wrapped_key). A rotation makes a
-- new version current and re-wraps every stored data key to it, batch by batch; only then can
-- an old version be retired (removed from the keystore), and only retiring makes deleted
-- content unreadable from backups taken before the delete.
--
-- Correction of V8's comment (migrations are never edited): deleting a draft deletes its
-- wrapped key from the live database, but a backup taken before still holds the row; a
-- discarded draft is unreadable from such a backup only once the KEK versions that wrapped
-- its key are retired (ADR 0012), as for messages.

-- One row per rotation, named by the version it made current. Progress is derived from the
-- data itself (how many keys are still wrapped by an older version); the row adds what the
-- data cannot say: when it started and who asked (the rate and the time left), how many were
-- re-wrapped so far, and when the version before it stopped being current (a version is
-- retired only after every node has had time to stop wrapping with it).
CREATE TABLE kek_rotation (
    kek_version   INTEGER     PRIMARY KEY CHECK (kek_version > 1),
    started_at    TIMESTAMPTZ NOT NULL,
    started_by    TEXT        NOT NULL,
    keys_at_start BIGINT      NOT NULL CHECK (keys_at_start >= 0),
    rewrapped     BIGINT      NOT NULL DEFAULT 0 CHECK (rewrapped >= 0),
    progress_at   TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ
);

-- "How many keys does each version still wrap", "is anything left under an older version" and
-- the re-wrap batches' "the next N keys under an older version" are asked by the status page
-- every two seconds and by every node's re-wrap worker every few seconds, also when there is
-- nothing to do; without an index each question reads the whole table. A small integer
-- index costs the intake one more index entry per message.
CREATE INDEX message_content_by_kek_version ON message_content (kek_version);
CREATE INDEX draft_by_kek_version ON draft (kek_version);
CREATE INDEX draft_attachment_by_kek_version ON draft_attachment (kek_version);
