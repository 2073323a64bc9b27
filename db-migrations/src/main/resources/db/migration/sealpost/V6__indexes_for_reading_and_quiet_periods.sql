-- Two lookups that ran as scans and showed up in the inbox benchmark's tail (docs/BENCHMARKS.md):
--
-- 1. The outbound worker asks, for every recipient with arrival notifications due, when the
--    last one was sent (the quiet period). Without an index that is a scan of all outbound
--    mail (every arrival queues a row): ~5 ms a question at 50,000 rows, asked 60 times a
--    second while a backlog drains, competing with the recipients' pages for the two cores.
CREATE INDEX outbound_mail_last_notified ON outbound_mail (recipient, sent_at DESC)
    WHERE kind = 'NOTIFY_NEW_MESSAGE' AND state = 'SENT';

-- 2. The unread count shown on every page read every inbox entry of the account and
--    filtered on is_read in the heap; a partial index holds only the unread ones.
CREATE INDEX mailbox_entry_unread_in_inbox ON mailbox_entry (account_id)
    WHERE folder = 'INBOX' AND NOT is_read;
