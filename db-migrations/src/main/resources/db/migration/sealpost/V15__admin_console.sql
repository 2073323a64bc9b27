-- Issue 12, the administration console.
--
-- An administrator's "end all sessions" (and disabling or deleting an account) ends the
-- account's sessions with a reason of its own, so the person whose session ended, and the
-- audit, can tell it from their own "sign out everywhere".
ALTER TABLE portal_session DROP CONSTRAINT portal_session_end_reason_check;
ALTER TABLE portal_session ADD CONSTRAINT portal_session_end_reason_check
    CHECK (end_reason IN ('SIGNED_OUT', 'EXPIRED', 'ENDED_FROM_OTHER_SESSION',
                          'SIGNED_OUT_EVERYWHERE', 'PASSWORD_REPLACED', 'ENDED_BY_ADMINISTRATOR'));

-- The overview counts messages received today and this week. Without an index that count
-- reads every row of message_content (the ciphertext is stored out of line, but a million
-- row headers are still read on each visit to the overview).
CREATE INDEX message_content_by_received_at ON message_content (received_at);
