-- Issue 14. "Forgot password" and "send me a new link" queued one mail per request, so one
-- person who knew an address could queue tens of thousands. A link mail carries no token
-- while queued (the token is minted when it is sent), so a second queued one for the same
-- address and purpose says nothing the first does not: at most one may be pending.
DELETE FROM outbound_mail m
WHERE m.state = 'QUEUED' AND m.kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET')
  AND EXISTS (SELECT 1 FROM outbound_mail o
              WHERE o.state = 'QUEUED' AND o.kind = m.kind AND o.recipient = m.recipient AND o.id < m.id);
CREATE UNIQUE INDEX outbound_mail_one_pending_link ON outbound_mail (recipient, kind)
    WHERE state = 'QUEUED' AND kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET');
-- The per-address limit counts an address's recent link mails, whatever became of them.
CREATE INDEX outbound_mail_link_mails_by_recipient ON outbound_mail (recipient, created_at)
    WHERE kind IN ('REGISTRATION_LINK', 'PASSWORD_RESET');
-- Workers claim arrival notifications and relayed mail before any other due mail, so neither
-- waits behind link mail or account notices; this index serves that order.
CREATE INDEX outbound_mail_due_arrivals_first ON outbound_mail ((kind NOT IN ('NOTIFY_NEW_MESSAGE', 'RELAY')), next_attempt_at, id)
    WHERE state = 'QUEUED';

-- Account notices: "a password was set / changed / reset; if this was not you ...", no link.
ALTER TABLE outbound_mail DROP CONSTRAINT outbound_mail_kind_check;
ALTER TABLE outbound_mail ADD CONSTRAINT outbound_mail_kind_check
    CHECK (kind IN ('NOTIFY_NEW_MESSAGE', 'REGISTRATION_LINK', 'PASSWORD_RESET', 'RELAY',
                    'ACCOUNT_REGISTERED', 'PASSWORD_CHANGED', 'PASSWORD_RESET_DONE'));

-- A link stops working when a newer one of its purpose is minted, or when the password is
-- set, changed or reset; revoked_at says when (used_at stays "spent by its own form").
ALTER TABLE one_time_token ADD COLUMN revoked_at TIMESTAMPTZ;
CREATE INDEX one_time_token_open_by_account ON one_time_token (account_id, purpose)
    WHERE used_at IS NULL AND revoked_at IS NULL;
