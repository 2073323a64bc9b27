-- Restoring from the trash puts a message back where it was (inbox or sent), so the trash
-- remembers that folder.
ALTER TABLE mailbox_entry ADD COLUMN folder_before_trash TEXT
    CHECK (folder_before_trash IN ('INBOX', 'SENT'));
-- Every trash listing and "empty trash" reads by (account, TRASH); the folder index covers it.
